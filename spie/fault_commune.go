package spie

// FaultCommuneUnknown is the one fault of a commune code that names no commune
// of the Code officiel géographique (current commune, commune déléguée or
// associée, municipal arrondissement): a warning, the argument being the code.
// Every kind that holds a commune (diagnostic, carnet, cohort definition,
// service, structure, prescription, label application), the CLI's --commune
// and the offer widget report it through territory.CheckCommune; package spie
// declares it without linking the table (package spie/territory holds it).
var FaultCommuneUnknown = NewFaultType("SPIE-COMMUNE-02", SeverityWarning,
	"commune %q inconnue du Code officiel géographique : vérifiez le code INSEE, à ne pas confondre avec le code postal",
	"commune %q unknown in the official geographic code: check the INSEE code, not to be confused with the postal code").
	WithSource("INSEE, Code officiel géographique (communes, communes déléguées et associées, arrondissements municipaux ; table de spie/territory tirée de @etalab/decoupage-administratif)")
