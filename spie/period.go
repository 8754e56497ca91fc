package spie

// PeriodEnd returns the last day of a period of n months (n ≥ 1) that starts
// on d, d included: the eve of d.AddMonths(n), the day on which a delay of n
// months running from d expires (article 641 of the code de procédure
// civile, the one anniversary rule of AddMonths). A period « d'un mois de
// date à date » starting on 1 January ends on 31 January, one starting on
// 8 October ends on 7 November, one starting on 31 January ends on
// 27 February of a common year (31 January + 1 month is 28 February).
// Empty when d is malformed or n < 1.
func (d Date) PeriodEnd(n int) Date {
	if n < 1 {
		return ""
	}
	return d.AddMonths(n).AddDays(-1)
}
