//go:build !js

package wasm_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
)

// wasmCodeByFunction reads a WebAssembly module built without -s and returns
// the size of each function body by name (from the "name" custom section),
// and the total size of the data section. go tool nm does not read wasm.
func wasmCodeByFunction(b []byte) (map[string]int, int, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, 0, errors.New("pas un module WebAssembly")
	}
	r := bytes.NewReader(b[8:])
	var bodies []int
	imports := 0
	names := map[int]string{}
	data := 0
	for r.Len() > 0 {
		id, _ := r.ReadByte()
		size, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, 0, err
		}
		sec := make([]byte, size)
		if _, err := io.ReadFull(r, sec); err != nil {
			return nil, 0, err
		}
		s := bytes.NewReader(sec)
		switch id {
		case 2: // imports: they come first in the function index space
			n, _ := binary.ReadUvarint(s)
			for i := uint64(0); i < n; i++ {
				skipName(s)
				skipName(s)
				kind, _ := s.ReadByte()
				switch kind {
				case 0:
					binary.ReadUvarint(s)
					imports++
				case 1:
					s.ReadByte()
					skipLimits(s)
				case 2:
					skipLimits(s)
				case 3:
					s.ReadByte()
					s.ReadByte()
				}
			}
		case 10: // code
			n, _ := binary.ReadUvarint(s)
			for i := uint64(0); i < n; i++ {
				sz, _ := binary.ReadUvarint(s)
				bodies = append(bodies, int(sz))
				s.Seek(int64(sz), io.SeekCurrent)
			}
		case 11:
			data += int(size)
		case 0:
			name := readName(s)
			if name != "name" {
				continue
			}
			for s.Len() > 0 {
				sub, _ := s.ReadByte()
				subSize, _ := binary.ReadUvarint(s)
				if sub != 1 {
					s.Seek(int64(subSize), io.SeekCurrent)
					continue
				}
				n, _ := binary.ReadUvarint(s)
				for i := uint64(0); i < n; i++ {
					idx, _ := binary.ReadUvarint(s)
					names[int(idx)] = readName(s)
				}
			}
		}
	}
	out := map[string]int{}
	for i, sz := range bodies {
		name := names[imports+i]
		if name == "" {
			name = "?"
		}
		out[name] += sz
	}
	return out, data, nil
}

func readName(s *bytes.Reader) string {
	n, _ := binary.ReadUvarint(s)
	b := make([]byte, n)
	io.ReadFull(s, b)
	return string(b)
}

func skipName(s *bytes.Reader) { readName(s) }

func skipLimits(s *bytes.Reader) {
	flag, _ := s.ReadByte()
	binary.ReadUvarint(s)
	if flag&1 == 1 {
		binary.ReadUvarint(s)
	}
}
