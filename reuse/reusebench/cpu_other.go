//go:build !unix

package reusebench

import "time"

// cpuTime is unknown on this system: timings report wall time only.
func cpuTime() time.Duration { return 0 }
