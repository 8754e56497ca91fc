package offer_test

import (
	"fmt"
	"regexp"

	"github.com/spie-fr/socle/offer"
)

func ExampleNormalizeStructure() {
	out, warnings := offer.NormalizeStructure([]byte(`{"id":"s1","reseaux_porteurs":["caf","caf"],"latitude":"49.56"}`))
	fmt.Println(string(out), len(warnings))
	// Output: {"id":"s1","reseaux_porteurs":["caf"],"latitude":49.56} 2
}

func ExampleNormalizeEmail() {
	fmt.Println(offer.NormalizeEmail(" Accueil <Contact@Mairie-Évry.FR> "))
	fmt.Println(offer.NormalizeEmail("contact@exemple.test"))
	// Output:
	// Contact@mairie-évry.fr true
	//  false
}

func ExampleNormalizeURL() {
	fmt.Println(offer.NormalizeURL("HTTPS:exemple.fr/a b"))
	fmt.Println(offer.NormalizeURL("https://exemple.fr:99999"))
	// Output:
	// https://exemple.fr/a%20b true
	//  false
}

func ExampleModelPattern() {
	re := regexp.MustCompile(offer.ModelPattern(`^\d{5}$`))
	fmt.Println(re.MatchString("02000"), re.MatchString("٠٢٠٠٠"), re.MatchString("0200a"))
	// Output: true true false
}

func ExampleKeepValid() {
	strict := func(format, value string) bool { return value == "https://exemple.fr" }
	out, _ := offer.NormalizeService([]byte(`{"lien_source":"https://exemple.fr"}`), offer.KeepValid(strict))
	full, _ := offer.NormalizeService([]byte(`{"lien_source":"https://exemple.fr"}`))
	fmt.Println(string(out))
	fmt.Println(string(full))
	// Output:
	// {"lien_source":"https://exemple.fr"}
	// {"lien_source":"https://exemple.fr/"}
}

func ExampleNormalizeMember() {
	out, warnings := offer.NormalizeMember([]byte(`{"statut":"envoyee","service":{"publics":["jeunes","jeunes"]}}`), "service", offer.NormalizeService)
	fmt.Println(string(out))
	fmt.Println(warnings[0].Path)
	// Output:
	// {"statut":"envoyee","service":{"publics":["jeunes"]}}
	// /service/publics/1
}
