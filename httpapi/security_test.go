package httpapi_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/httpapi"
)

// do sends a GET with a chosen Host header and no redirect following.
func do(t *testing.T, srvURL, path, host string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srvURL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// Without a token, only a loopback name with the listening port is served:
// a rebound name (evil.example → 127.0.0.1) is refused.
func TestHostHeaderWithoutToken(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	u, _ := url.Parse(f.srv.URL)
	_, port, _ := net.SplitHostPort(u.Host)
	cases := []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:" + port, true},
		{"localhost:" + port, true},
		{"LOCALHOST:" + port, true},
		{"[::1]:" + port, true},
		{"evil.example:" + port, false},
		{"evil.example", false},
		{"127.0.0.1:1", false},
		{"127.0.0.1", false},
		{"10.0.0.1:" + port, false},
	}
	for _, c := range cases {
		for _, path := range []string{"/", "/api/documents"} {
			res := do(t, f.srv.URL, path, c.host)
			if got := res.StatusCode == http.StatusOK; got != c.ok {
				t.Errorf("Host %q %s = %d, want ok=%v", c.host, path, res.StatusCode, c.ok)
			}
		}
	}
	// With a token the token guards the store, whatever the name.
	ft := newFixture(t, httpapi.Options{Token: "a-long-enough-token"})
	if res := do(t, ft.srv.URL, "/api/documents", "claimgraph.example.org", "Authorization", "Bearer a-long-enough-token"); res.StatusCode != http.StatusOK {
		t.Errorf("token and another host name = %d", res.StatusCode)
	}
}

// The ?token= redirect stays on the server; "bearer" is accepted in any case.
func TestTokenRedirectAndScheme(t *testing.T) {
	const token = "a-long-enough-token"
	f := newFixture(t, httpapi.Options{Token: token})
	for path, want := range map[string]string{
		"//evil.example/x?token=" + token:        "/evil.example/x",
		"/\\evil.example/x?token=" + token:       "/%5Cevil.example/x",
		"///evil.example?a=1&token=" + token:     "/evil.example?a=1",
		"/documents?outlet=Daily&token=" + token: "/documents?outlet=Daily",
	} {
		res := do(t, f.srv.URL, path, "")
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || loc != want {
			t.Errorf("GET %s = %d Location %q, want %q", path, res.StatusCode, loc, want)
		}
		if u, err := url.Parse(loc); err != nil || u.Host != "" {
			t.Errorf("GET %s redirects off-site: %q", path, loc)
		}
	}
	for _, scheme := range []string{"Bearer", "bearer", "BEARER"} {
		if res := do(t, f.srv.URL, "/api/documents", "", "Authorization", scheme+" "+token); res.StatusCode != http.StatusOK {
			t.Errorf("%s TOKEN = %d, want 200", scheme, res.StatusCode)
		}
	}
	if res := do(t, f.srv.URL, "/api/documents", "", "Authorization", "Basic "+token); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("Basic TOKEN = %d, want 401", res.StatusCode)
	}
}

func TestTokenLength(t *testing.T) {
	for _, c := range []struct {
		addr, token string
		ok          bool
	}{
		{"0.0.0.0:8080", "x", false},
		{"127.0.0.1:8080", "short-token", false},
		{"0.0.0.0:8080", strings.Repeat("k", httpapi.MinTokenLength), true},
	} {
		if err := httpapi.CheckBind(c.addr, c.token); (err == nil) != c.ok {
			t.Errorf("CheckBind(%q, %q) = %v, want ok=%v", c.addr, c.token, err, c.ok)
		}
	}
}

// TLSConfig serves HTTPS with a certificate and key from files, and names
// the files when they do not match.
func TestTLS(t *testing.T) {
	dir := t.TempDir()
	certPEM, keyPEM := selfSigned(t)
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, certPEM, 0o600)
	os.WriteFile(keyFile, keyPEM, 0o600)
	conf, err := httpapi.TLSConfig(certFile, keyFile)
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, httpapi.Options{Token: "a-long-enough-token"})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: f.srv.Config.Handler}
	go srv.Serve(tls.NewListener(ln, conf))
	defer srv.Close()
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(certPEM)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get("https://" + ln.Addr().String() + "/?token=a-long-enough-token")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || len(res.Cookies()) != 1 || !res.Cookies()[0].Secure {
		t.Errorf("HTTPS ?token= = %d, cookies %+v (want one Secure cookie)", res.StatusCode, res.Cookies())
	}
	if _, err := httpapi.TLSConfig(certFile, certFile); err == nil || !strings.Contains(err.Error(), certFile) {
		t.Errorf("mismatched key: %v", err)
	}
	if _, err := httpapi.TLSConfig(certFile, ""); err == nil {
		t.Error("a certificate without a key is accepted")
	}
}

func selfSigned(t *testing.T) (certPEM, keyPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})
}
