//go:build !unix

package main

import "os"

// maxRSS is unknown outside Unix.
func maxRSS(*os.ProcessState) int64 { return 0 }

// cpuSeconds is unknown outside Unix.
func cpuSeconds() float64 { return 0 }
