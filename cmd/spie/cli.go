package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
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
	// progress: the verb shows a progress bar on stderr for each input it
	// opens (progressVerbs, and stderr is a terminal).
	progress bool
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
	if args[0] == "--version" || args[0] == "-version" {
		args = append([]string{"version"}, args[1:]...)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(c.stderr, "spie : commande inconnue %q (spie help liste les commandes)\n", args[0])
		return exitUsage
	}
	c.progress = progressVerbs[cmd.name] && c.isTerminal != nil && c.isTerminal()
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

// parseArgs parses a verb's arguments. Options may stand anywhere on the
// line, before or after the files (`spie validate f.json --kind diagnostic`):
// permuteArgs moves them first; `--` ends the options, every argument after
// it is a file, and `-` alone is a file (standard input). When the verb must
// stop, ok is false and code is the exit code: 0 when help was asked (the
// verb's usage is printed), 2 on a usage error, said in French on one line
// (flagError) that points to the verb's -h. The flag package's own English
// messages never reach the user: its output is discarded while it parses.
func parseArgs(fl *flag.FlagSet, args []string) (code int, ok bool) {
	w, usage := fl.Output(), fl.Usage
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	err := fl.Parse(permuteArgs(fl, args))
	fl.SetOutput(w)
	fl.Usage = usage
	switch {
	case err == nil:
		return exitOK, true
	case errors.Is(err, flag.ErrHelp):
		printUsage(fl)
		return exitOK, false
	default:
		fmt.Fprintf(w, "spie %s : %s (spie %s -h détaille les options)\n", fl.Name(), flagError(err), fl.Name())
		return exitUsage, false
	}
}

// permuteArgs returns args with the options of fl first, then `--`, then
// the other arguments (files) in their order, so that the flag package,
// which stops at the first non-option, reads options wherever they stand.
// An option is an argument starting with `-` other than `-` alone, up to a
// `--` that ends the options (dropped; what follows is files). An option
// takes the next argument as its value unless it is written --name=value or
// is a boolean option (as the flag package decides, IsBoolFlag); an option
// unknown to fl is kept alone, for the flag package to refuse it; a value
// option that ends the line is left last, for the flag package to say it
// lacks its value.
func permuteArgs(fl *flag.FlagSet, args []string) []string {
	opts := make([]string, 0, len(args)+1)
	var files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			files = append(files, args[i+1:]...)
			i = len(args)
			continue
		case a == "-" || !strings.HasPrefix(a, "-"):
			files = append(files, a)
			continue
		}
		opts = append(opts, a)
		name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fl.Lookup(name)
		if f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 == len(args) {
			return opts // no value: the flag package says so
		}
		i++
		opts = append(opts, args[i])
	}
	return append(append(opts, "--"), files...)
}

func printUsage(fl *flag.FlagSet) {
	if fl.Usage != nil {
		fl.Usage()
		return
	}
	fmt.Fprintf(fl.Output(), "Usage : spie %s [options]\n", fl.Name())
	printDefaults(fl)
}

// The messages of the flag package (Go's flag/flag.go, FlagSet.parseOne),
// which flagError says in French.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: -(.*)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: -(.*)$`)
	flagSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	flagValue     = regexp.MustCompile(`^invalid value ("(?:[^"\\]|\\.)*") for flag -([^:]*): (.*)$`)
	flagBool      = regexp.MustCompile(`^invalid boolean value ("(?:[^"\\]|\\.)*") for -([^:]*): `)
	flagBoolFlag  = regexp.MustCompile(`^invalid boolean flag ([^:]*): `)
)

// flagError says in French the error err of flag.FlagSet.Parse: « option
// inconnue : --x », « l'option --x attend une valeur », « valeur « v »
// refusée pour --x : raison ». The reason is the French error of the verb's
// own flag parsers; the flag package's English reasons for numbers (parse
// error, value out of range) are translated; any other message of the flag
// package is replaced by a French one rather than shown.
func flagError(err error) string {
	msg := err.Error()
	if m := flagUndefined.FindStringSubmatch(msg); m != nil {
		return "option inconnue : --" + m[1]
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return "l'option --" + m[1] + " attend une valeur"
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return "option mal formée : " + m[1]
	}
	if m := flagValue.FindStringSubmatch(msg); m != nil {
		v, _ := strconv.Unquote(m[1])
		reason := m[3]
		switch reason {
		case "parse error":
			reason = "nombre attendu"
		case "value out of range":
			reason = "nombre hors limites"
		}
		return fmt.Sprintf("valeur « %s » refusée pour --%s : %s", v, m[2], reason)
	}
	if m := flagBool.FindStringSubmatch(msg); m != nil {
		v, _ := strconv.Unquote(m[1])
		return fmt.Sprintf("valeur « %s » refusée pour --%s : true ou false attendu", v, m[2])
	}
	if m := flagBoolFlag.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("option --%s refusée : true ou false attendu", m[1])
	}
	return "options illisibles (spie help)"
}

// stderrIsTerminal reports whether f is a character device (a terminal).
func stderrIsTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// flagTypes names in French the kinds of values flag.UnquoteUsage gives.
var flagTypes = map[string]string{
	"string": "TEXTE", "int": "ENTIER", "uint": "ENTIER", "float": "NOMBRE",
	"duration": "DURÉE", "value": "VALEUR",
}

// printDefaults lists the options of fl on its output like
// flag.FlagSet.PrintDefaults, but in French: the kind of value (« TEXTE »,
// « ENTIER »…) and « par défaut : » replace Go's English type names and
// "(default …)".
func printDefaults(fl *flag.FlagSet) {
	w := fl.Output()
	fl.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		if t, ok := flagTypes[name]; ok {
			name = t
		}
		fmt.Fprintf(w, "  --%s", f.Name)
		if name != "" {
			fmt.Fprintf(w, " %s", name)
		}
		fmt.Fprintf(w, "\n    \t%s", strings.ReplaceAll(usage, "\n", "\n    \t"))
		if d := f.DefValue; d != "" && d != "0" && d != "false" {
			fmt.Fprintf(w, " (par défaut : %s)", d)
		}
		fmt.Fprintln(w)
	})
}
