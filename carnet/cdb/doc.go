// Package cdb imports a notebook of the carnet de bord (GIP de
// l'inclusion, gip-inclusion/carnet-de-bord) into a socle carnet: Parse reads
// the notebook as its database holds it (beneficiary, focuses with their
// targets and actions, members, orientation requests, appointments), Import
// opens the carnet with carnet.Create as the notebook's current référent, so
// that the journal and the rights hold, and reports what became of each
// element: mapped to the referential, mapped from a former label (the one
// table Renamings, read from the peer's migrations), kept as free text
// (libelle_libre) or not carried, each with a CARNET-IMPORT-* fault.
package cdb
