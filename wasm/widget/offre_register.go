//go:build !spie_sans_offre

package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

func init() {
	factories["offre"] = func() app.Composer { return &OffreSearch{} }
	factories["prescription"] = func() app.Composer { return &PrescriptionForm{} }
}
