// Package committee is the comité technique opérationnel (CTO) of a SPIE: the
// meeting where the network examines the hardest situations together (Aisne
// guide, RULES.md §8).
//
// A [Committee] holds its rules as data (capacity of a meeting, default
// request deadline J-3 at 14:00 Europe/Paris, agenda sent at J-2, answers due
// within 72 hours), its members with the date they signed the confidentiality
// charter, and its calendar of meetings, each of which may set its own request
// deadline: the published calendar, not a formula, decides.
//
// [BuildAgenda] places the requests ([Request]) on the meetings: oldest first,
// at most the capacity per meeting, a request received at or after a
// meeting's deadline, or beyond its capacity, carried to the next meeting. It
// says when each agenda is due, who receives it (only members who signed the
// charter), and which requests were answered late. [Agenda.WriteText] prints
// the agenda in French as a coordinator sends it.
//
// The committee is exchanged as JSON (kind "comite"); [Committee.Check]
// returns faults in the CTO- namespace.
package committee
