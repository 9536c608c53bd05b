package postgres_test

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/postgres"
	"github.com/claimgraph/claimgraph/storetest"
)

func openTest(t *testing.T) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) claimgraph.DocumentStore { return openTest(t) })
}

func TestQueryContract(t *testing.T) {
	storetest.RunQueries(t, func(t *testing.T) storetest.EntityStore { return openTest(t) })
}

func TestStoreContract(t *testing.T) {
	storetest.RunStore(t, func(t *testing.T) claimgraph.Store { return openTest(t) })
}
