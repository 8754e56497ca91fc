package schemas

// The catalogue of every fault code (code, severity, French and English
// message templates, the rule's source, retirement, owner package) is
// generated beside the schemas: fautes/v1/fautes.json and FAUTES.md. Its
// generator links every package that registers codes, this one included, so
// it runs as a separate program.
//go:generate go run ../internal/gen/faults -json fautes/v1/fautes.json -md FAUTES.md
