package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"time"
)

// Exit codes shared by every verb.
const (
	exitOK      = 0 // everything valid / done
	exitInvalid = 1 // some document invalid, or problems found
	exitUsage   = 2 // usage error or unreadable input
)

// cli is what a verb may use: its streams and an injected clock.
type cli struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
	// isTerminal reports whether stderr is a terminal (progress bars); nil means no.
	isTerminal func() bool
}

// command is one verb of the CLI, declared by its own cmd_<verb>.go file.
type command struct {
	name    string
	summary string // French, one line
	run     func(c *cli, args []string) int
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func run(c *cli, args []string) int {
	if c.now == nil {
		c.now = time.Now
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(c.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(c.stderr, "spie : commande inconnue %q (spie help liste les commandes)\n", args[0])
		return exitUsage
	}
	return cmd.run(c, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "spie — outils du socle commun du Service public de l'insertion et de l'emploi")
	fmt.Fprintln(w, "\nUsage : spie <commande> [options] [fichiers]\n\nCommandes :")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nspie <commande> -h détaille les options d'une commande.")
}

// parseArgs parses a verb's arguments. When the verb must stop, ok is false
// and code is the exit code: 0 when help was asked, 2 on a usage error (the
// flag package has already printed why).
func parseArgs(fl *flag.FlagSet, args []string) (code int, ok bool) {
	err := fl.Parse(args)
	switch {
	case err == nil:
		return exitOK, true
	case errors.Is(err, flag.ErrHelp):
		return exitOK, false
	default:
		return exitUsage, false
	}
}

// stderrIsTerminal reports whether f is a character device (a terminal).
func stderrIsTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
