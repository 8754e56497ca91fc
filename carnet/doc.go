// Package carnet is the carnet de bord of the SPIE: the shared follow-up
// record of a person's pathway (diagnostic, objectifs, actions and their
// progress), with the referential of the actions a professional can propose,
// taken from the carnet de bord of the GIP de l'inclusion.
package carnet
