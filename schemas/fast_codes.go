package schemas

// codeTable is a code list (the values of an enum, const or oneOf of
// constants, node.enum) looked up without hashing the whole text: a text is
// placed by its length and three of its bytes (first, middle, last) mixed
// by a multiplier chosen when the plan is built so that no two codes of the
// list share a slot, then compared with the one code of its slot. A text
// outside the list may land on a code's slot: the comparison refuses it.
//
// It holds the same codes as node.enum, built from it (one definition:
// the schema's list); TestCodeTablesMatchEnums and FuzzCodeTables prove the
// two agree on every code of every plan and on texts near them.
type codeTable struct {
	slots []string // the code of each slot, "" when none (a list with "" has no table)
	mul   uint32
	shift uint32
}

// codeKey mixes the length and the first, middle and last bytes of a
// non-empty text.
func codeKey(b []byte) uint32 {
	n := len(b)
	return uint32(n)<<24 | uint32(b[0])<<16 | uint32(b[n/2])<<8 | uint32(b[n-1])
}

// lookup returns the code equal to b (the list's own string) and whether
// there is one.
func (t *codeTable) lookup(b []byte) (string, bool) {
	if len(b) == 0 || len(b) > 255 {
		return "", false
	}
	if c := t.slots[(codeKey(b)*t.mul)>>t.shift]; c == string(b) {
		return c, true
	}
	return "", false
}

// newCodeTable builds the table of the codes of enum, or returns nil when
// none fits: a code empty or longer than 255 bytes, two codes with the
// same length, first, middle and last bytes, or no multiplier found within
// tables of up to 16 times the list.
func newCodeTable(enum map[string]string) *codeTable {
	if len(enum) == 0 {
		return nil
	}
	keys := make(map[uint32]bool, len(enum))
	for c := range enum {
		if c == "" || len(c) > 255 || keys[codeKey([]byte(c))] {
			return nil
		}
		keys[codeKey([]byte(c))] = true
	}
	bits := uint32(1)
	for 1<<bits < 2*len(enum) {
		bits++
	}
	// The multipliers tried: odd, from a fixed sequence (the same table on
	// every run).
	x := uint32(0x9E3779B9)
	for top := bits + 4; bits <= top; bits++ {
		for range 2000 {
			x = x*1664525 + 1013904223
			mul := x | 1
			t := &codeTable{slots: make([]string, 1<<bits), mul: mul, shift: 32 - bits}
			ok := true
			for c, v := range enum {
				i := (codeKey([]byte(c)) * mul) >> t.shift
				if t.slots[i] != "" {
					ok = false
					break
				}
				t.slots[i] = v
			}
			if ok {
				return t
			}
		}
	}
	return nil
}

// enumCode looks text b up in the code list of n (n.enum not nil): the
// list's own string and true, or "" and false.
func (n *node) enumCode(b []byte) (string, bool) {
	if n.codes != nil {
		return n.codes.lookup(b)
	}
	c, ok := n.enum[string(b)]
	return c, ok
}
