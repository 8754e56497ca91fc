//go:build unix

package carnet_test

import (
	"syscall"
	"time"
)

// processCPU returns the processor time used by the process so far (user
// and system, all threads), for the benchmarks.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
