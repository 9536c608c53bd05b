package sqlite_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/storetest"
)

func TestQueryContract(t *testing.T) {
	storetest.RunQueries(t, func(t *testing.T) storetest.EntityStore { return openTest(t) })
}
