package httpapi_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
)

// A bad parameter is a 400 with a JSON error naming it, never a 200 with
// an empty list.
func TestBadParameters(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	for _, c := range []struct{ path, param string }{
		{"/api/reuse?min=NaN", "min"},
		{"/api/reuse?min=1.5", "min"},
		{"/api/timeline?from=notadate", "from"},
		{"/api/timeline?to=2015-13", "to"},
		{"/api/timeline?from=20240101", "from"},
		{"/api/documents?limit=-1", "limit"},
		{"/api/documents?limit=100000", "limit"},
		{"/api/quotes?offset=x", "offset"},
		{"/api/entities?type=PERSON", "type"},
		{"/api/entities?sort=size", "sort"},
		{`/api/search?q=%22unterminated`, "q"},
		{"/api/graph?entity=1&depth=9", "depth"},
	} {
		var e apiError
		f.getJSON(t, c.path, http.StatusBadRequest, &e)
		if e.Error.Code != claimgraph.EINVALID || !strings.HasPrefix(e.Error.Message, c.param+" ") && !strings.Contains(e.Error.Message, " "+c.param+" ") {
			t.Errorf("GET %s: %+v, want an invalid error naming %s", c.path, e, c.param)
		}
	}
	for _, path := range []string{"/api/timeline?from=2015&to=2015-11-13", "/api/reuse?min=0.5", "/api/entities?type=per"} {
		var v map[string]any
		f.getJSON(t, path, http.StatusOK, &v)
	}
}
