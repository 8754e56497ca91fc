package carnet

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// TestAccumulatorMergeEveryField: merge adds every sum of an accumulator
// (a field added later and forgotten in merge would make the parallel
// report differ from the single-threaded one).
func TestAccumulatorMergeEveryField(t *testing.T) {
	a, b := &accumulator{}, &accumulator{}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	// The fields are unexported: reached through their address.
	field := func(v reflect.Value, i int) reflect.Value {
		f := v.Field(i)
		return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	}
	ints := 0
	for i := range va.NumField() {
		if va.Field(i).Kind() == reflect.Int {
			field(va, i).SetInt(int64(i + 1))
			field(vb, i).SetInt(int64(100 * (i + 1)))
			ints++
		}
	}
	b.delays[0], b.delays[2] = &histogram{}, &histogram{}
	b.delays[0].add(3)
	b.delays[2].add(5000)
	a.delays[2] = &histogram{}
	a.delays[2].add(5000)
	a.merge(b)
	for i := range va.NumField() {
		f := va.Type().Field(i)
		switch f.Type.Kind() {
		case reflect.Int:
			assert.Equal(t, int64(101*(i+1)), va.Field(i).Int(), f.Name)
		case reflect.Array:
		default:
			t.Errorf("champ %s de type %s : merge ne sait pas l'additionner", f.Name, f.Type)
		}
	}
	assert.Equal(t, 16, ints)
	assert.Equal(t, 1, a.delays[0].n)
	assert.Equal(t, int32(1), a.delays[0].buckets[3])
	assert.Nil(t, a.delays[1])
	assert.Equal(t, 2, a.delays[2].n)
	assert.Equal(t, int32(2), a.delays[2].buckets[maxDelay])
}
