// Package demo is the fictitious partner portal that `spie demo` serves: a
// Département's page with its own header and navigation, embedding every
// SPIE widget through the loader spie-embed.js, with prefill data, and
// showing what the widgets hand back (the validated diagnostic and its
// orientation).
package demo
