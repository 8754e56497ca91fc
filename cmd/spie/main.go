// Command spie validates, converts and explores the documents exchanged in the
// Service public de l'insertion et de l'emploi. Run `spie help` for the verbs.
package main

import (
	"os"
	"time"
)

func main() {
	os.Exit(run(&cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, now: time.Now,
		isTerminal: func() bool { return stderrIsTerminal(os.Stderr) }}, os.Args[1:]))
}
