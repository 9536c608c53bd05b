package claimgraph

import (
	"errors"
	"fmt"
)

// Error codes, mapped to exit statuses and HTTP statuses in one place each.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EINTERNAL     = "internal"
)

// Error is an application error with a stable code and a message fit for users.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic message for other errors.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// EntityCandidate is an entity a name may denote.
type EntityCandidate struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Mentions int    `json:"mentions"`
}

// AmbiguousNameError is the ECONFLICT error of an entity name that fits
// several entities. It carries them, most mentioned first, so that a caller
// can offer the choice rather than only print the message.
type AmbiguousNameError struct {
	Err        *Error // ECONFLICT, its message listing the candidates
	Name       string // the name as given
	Candidates []EntityCandidate
}

func (e *AmbiguousNameError) Error() string { return e.Err.Error() }

// Unwrap gives the *Error, so ErrorCode and ErrorMessage see ECONFLICT.
func (e *AmbiguousNameError) Unwrap() error { return e.Err }
