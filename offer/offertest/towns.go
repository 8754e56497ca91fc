package offertest

// Town is a commune where generated structures are located, with an
// approximate position of its centre.
type Town struct {
	Code, Name, PostalCode string
	Lat, Lon               float64
}

// AisneTowns are towns of the Aisne (02), the département of the examples.
var AisneTowns = []Town{
	{"02408", "Laon", "02000", 49.5641, 3.6199},
	{"02691", "Saint-Quentin", "02100", 49.8465, 3.2876},
	{"02722", "Soissons", "02200", 49.3817, 3.3236},
	{"02168", "Château-Thierry", "02400", 49.0464, 3.4031},
	{"02173", "Chauny", "02300", 49.6156, 3.2192},
	{"02738", "Tergnier", "02700", 49.6564, 3.3008},
	{"02381", "Hirson", "02500", 49.9217, 4.0839},
	{"02361", "Guise", "02120", 49.8997, 3.6278},
	{"02789", "Vervins", "02140", 49.8353, 3.9072},
	{"02304", "La Fère", "02800", 49.6639, 3.3661},
	{"02810", "Villers-Cotterêts", "02600", 49.2533, 3.0906},
	{"02095", "Bohain-en-Vermandois", "02110", 49.9858, 3.4531},
	{"02305", "Fère-en-Tardenois", "02130", 49.2006, 3.5164},
	{"02680", "Saint-Gobain", "02410", 49.5961, 3.3786},
	{"02468", "Marle", "02250", 49.7397, 3.7717},
	{"02128", "Bruyères-et-Montbérault", "02860", 49.5233, 3.6611},
	{"02163", "Charly-sur-Marne", "02310", 48.9775, 3.2847},
	{"02648", "Ribemont", "02240", 49.7958, 3.4594},
	{"02558", "Le Nouvion-en-Thiérache", "02170", 50.0158, 3.7831},
	{"02719", "Sinceny", "02300", 49.5958, 3.2461},
	{"02758", "Vailly-sur-Aisne", "02370", 49.4097, 3.5175},
}
