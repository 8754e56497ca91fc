package territory

import "sort"

func sortCommunes(cs []Commune) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].Code < cs[j].Code })
}
