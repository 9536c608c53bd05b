package nlp

import "strings"

// The treebanks split hyphenated words ("al", "-", "Maliki"); Tokenize keeps
// them whole. Training adds a copy of each sentence with such words merged,
// so the models learn both forms. Spacing comes from the "# text" line.

// noSpaceAfter aligns forms with text and reports, for each form, whether the
// next form follows with no space; ok is false when the forms do not align.
func noSpaceAfter(text string, forms []string) (glued []bool, ok bool) {
	if text == "" {
		return nil, false
	}
	glued = make([]bool, len(forms))
	pos := 0
	ends := make([]int, len(forms))
	starts := make([]int, len(forms))
	for i, f := range forms {
		j := strings.Index(text[pos:], f)
		if j < 0 || strings.TrimSpace(text[pos:pos+j]) != "" {
			return nil, false
		}
		starts[i] = pos + j
		ends[i] = pos + j + len(f)
		pos = ends[i]
	}
	for i := 0; i+1 < len(forms); i++ {
		glued[i] = ends[i] == starts[i+1]
	}
	return glued, true
}

func alnumEdge(s string, last bool) bool {
	if s == "" {
		return false
	}
	if last {
		r := before(s, len(s))
		return isAlnum(r)
	}
	return isAlnum(runeAt(s, 0))
}

// mergeHyphens returns s with "a - b" written "a-b" merged into one token,
// and whether anything was merged. A merged word takes the POS and lemma of
// its last part (compounds are head-final) and the entity label of its first.
func mergeHyphens(s corpusSentence) (corpusSentence, bool) {
	glued, ok := noSpaceAfter(s.Text, s.Forms)
	if !ok {
		return s, false
	}
	var out corpusSentence
	out.ID, out.Text = s.ID, s.Text
	merged := false
	for i := 0; i < len(s.Forms); i++ {
		n := len(out.Forms)
		canJoin := n > 0 && i+1 < len(s.Forms) && s.Forms[i] == "-" && glued[i-1] && glued[i] &&
			alnumEdge(out.Forms[n-1], true) && alnumEdge(s.Forms[i+1], false)
		if canJoin {
			merged = true
			out.Forms[n-1] += "-" + s.Forms[i+1]
			if s.UPOS != nil {
				out.UPOS[n-1] = s.UPOS[i+1]
				prefix := strings.ToLower(out.Forms[n-1][:len(out.Forms[n-1])-len(s.Forms[i+1])])
				out.Lemmas[n-1] = prefix + strings.ToLower(s.Lemmas[i+1])
				out.Misc[n-1] = s.Misc[i+1]
			}
			i++
			continue
		}
		out.Forms = append(out.Forms, s.Forms[i])
		if s.UPOS != nil {
			out.UPOS = append(out.UPOS, s.UPOS[i])
			out.Lemmas = append(out.Lemmas, s.Lemmas[i])
			out.Misc = append(out.Misc, s.Misc[i])
		}
		if s.Labels != nil {
			out.Labels = append(out.Labels, s.Labels[i])
		}
	}
	return out, merged
}
