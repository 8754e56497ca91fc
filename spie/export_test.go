package spie

// CheckFaultTypesOf runs the registry checks on a given list, so that tests
// prove each check without registering faulty codes.
var CheckFaultTypesOf = checkFaultTypes
