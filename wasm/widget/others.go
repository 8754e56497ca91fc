package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// OffreSearch is the search of the offer.
type OffreSearch struct {
	app.Compo
	bridge Bridge
}

func (c *OffreSearch) OnMount(ctx app.Context) {
	c.bridge.Widget = "offre"
	c.bridge.Start(ctx, nil)
}
func (c *OffreSearch) Render() app.UI { return page("offre") }

// PrescriptionForm is the referral form.
type PrescriptionForm struct {
	app.Compo
	bridge Bridge
}

func (c *PrescriptionForm) OnMount(ctx app.Context) {
	c.bridge.Widget = "prescription"
	c.bridge.Start(ctx, nil)
}
func (c *PrescriptionForm) Render() app.UI { return page("prescription") }
