package main

import (
	"context"
	"errors"
	"math/rand"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/ingest"
)

// TestRunOrderedCommitsInInputOrder runs jobs that finish in random order on
// several workers: commits still come in input order, and an error of
// commit stops the run and is returned.
func TestRunOrderedCommitsInInputOrder(t *testing.T) {
	const n = 200
	read := func(ctx context.Context, emit func(*ingestJob) error) error {
		for i := 0; i < n; i++ {
			if err := emit(&ingestJob{it: ingest.Item{Source: string(rune('a' + i%26))}}); err != nil {
				return err
			}
		}
		return nil
	}
	work := func(ctx context.Context, j *ingestJob) {
		time.Sleep(time.Duration(rand.Intn(300)) * time.Microsecond)
		j.stored = true
	}
	var got []int
	err := runOrdered(context.Background(), 4, read, work, func(j *ingestJob) error {
		if !j.stored {
			t.Errorf("job %d committed before its work", j.seq)
		}
		got = append(got, j.seq)
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("committed %d jobs, want %d", len(got), n)
	}
	for i, s := range got {
		if s != i {
			t.Fatalf("commit %d was job %d", i, s)
		}
	}

	boom := errors.New("disk full")
	count := 0
	err = runOrdered(context.Background(), 3, read, work, func(j *ingestJob) error {
		count++
		if j.seq == 17 {
			return boom
		}
		return nil
	}, nil)
	if !errors.Is(err, boom) || count != 18 {
		t.Errorf("err = %v after %d commits, want the commit error after 18", err, count)
	}
}
