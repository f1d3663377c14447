#!/usr/bin/env python3
"""numpy/scipy peer of NeuroCurate's level-(a) IQMs (benchmark peer, not project code).

Computes the same MRIQC-defined IQMs from a case folder laid out like
../shared/data/iqm-reference/<case>/ and prints one JSON object.  Reads NIfTI with numpy only.
Usage: iqm_numpy_peer.py CASE_DIR [--repeat N]   (prints seconds per case on stderr)
"""
import gzip, json, math, os, struct, sys, time
import numpy as np
from scipy import stats

_DT = {2: np.uint8, 4: np.int16, 8: np.int32, 16: np.float32, 64: np.float64,
       256: np.int8, 512: np.uint16}


def load(path):
    raw = gzip.open(path).read() if path.endswith('.gz') else open(path, 'rb').read()
    dim = struct.unpack('<8h', raw[40:56])
    dtype = struct.unpack('<h', raw[70:72])[0]
    pix = struct.unpack('<8f', raw[76:108])
    off = int(struct.unpack('<f', raw[108:112])[0])
    slope, inter = struct.unpack('<2f', raw[112:120])
    shape = dim[1:1 + dim[0]]
    arr = np.frombuffer(raw, dtype=_DT[dtype], count=int(np.prod(shape)),
                        offset=off).reshape(shape, order='F')
    if slope != 0 and not (slope == 1 and inter == 0):
        arr = arr * float(slope) + float(inter)
    return arr.astype(np.float64), tuple(float(p) for p in pix[1:4])


def weighted_quantiles(values, weights, probs):
    """SAS definition 5 on tie-aggregated values (as statsmodels DescrStatsW.quantile)."""
    uniq, inv = np.unique(values, return_inverse=True)
    w = np.bincount(inv, weights=weights, minlength=len(uniq))
    cw = np.cumsum(w)
    targets = np.asarray(probs) * cw[-1]
    idx = np.searchsorted(cw, targets)
    out = uniq[idx].astype(float)
    hit = np.flatnonzero((np.abs(targets - cw[idx]) < 1e-10) & (idx < len(cw) - 1))
    out[hit] = (uniq[idx[hit]] + uniq[idx[hit] + 1]) / 2
    return out


def summary(img, pmap):
    data = np.round(img.ravel(), 0)
    w = np.round(pmap.astype(np.float32).ravel(), 3).astype(float)
    sw = w.sum()
    mean = (w * data).sum() / sw if sw > 0 else float('nan')
    std = math.sqrt((w * (data - mean) ** 2).sum() / sw) if sw > 0 else float('nan')
    p05, med, p95 = weighted_quantiles(data, w, [0.05, 0.5, 0.95])
    thr = img[pmap > 0.5 * pmap.max()]
    kurt = float(stats.kurtosis(thr)) if thr.size else float('nan')
    mad = float(np.median(np.abs(thr - med)) / 0.6744897501960817) if thr.size else float('nan')
    r = lambda x: round(float(x), 4)
    return dict(mean=r(mean), median=r(med), p95=r(p95), p05=r(p05), k=r(kurt), stdv=r(std),
                mad=r(mad), n=float(pmap.sum()))


def qi2(img, air):
    np.random.seed(1191935)
    data = img[air > 0]
    if (data > 0).sum() < 1000:
        return 0.0
    data = data * (100 / np.percentile(data, 99))
    if len(data) >= 300000:
        data = np.random.choice(data, size=300000)
    grid = np.linspace(0.0, 110, 1000)
    h = 4.0
    kde = np.zeros_like(grid)
    for s in range(0, len(data), 20000):
        chunk = data[s:s + 20000]
        kde += np.exp(-0.5 * ((grid[:, None] - chunk[None, :]) / h) ** 2).sum(axis=1)
    kde /= len(data) * h * math.sqrt(2 * math.pi)
    hi = int(np.argmax(kde[::-1] > kde.max() * 0.5))
    param = stats.chi2.fit(data, 32)
    pdf = stats.chi2.pdf(grid, *param[:-2], loc=param[-2], scale=param[-1])
    return float(np.abs(kde[-hi:] - pdf[-hi:]).mean())


def read_case(case):
    f = lambda n: load(os.path.join(case, n + '.nii.gz'))[0]
    img, zooms = load(os.path.join(case, 'image.nii.gz'))
    return dict(img=img, zooms=zooms, segm=f('segm'), air=f('air_mask'), art=f('art_mask'),
                head=f('head_mask'), rot=f('rot_mask'), pvms=[f('pvm_' + t) for t in ('csf', 'gm', 'wm')],
                tpms=[f('tpm_' + t) for t in ('csf', 'gm', 'wm')], bias=f('bias'),
                fwhm_mm=json.load(open(os.path.join(case, 'fwhm_mm.json'))))


def iqms(c):
    img = np.nan_to_num(c['img'])
    img[img < 0] = 0
    zooms, segm, air, art, head, rot = c['zooms'], c['segm'], c['air'], c['art'], c['head'], c['rot']
    pvms, tpms, bias, fwhm_mm = [p.copy() for p in c['pvms']], c['tpms'], c['bias'], c['fwhm_mm']
    out = {}
    st = {'bg': summary(img, air)}
    for t, p in zip(('csf', 'gm', 'wm'), pvms):
        st[t] = summary(img, p)
    for t in st:
        for k, v in st[t].items():
            out[f'summary_{t}_{k}'] = v
    bg = st['bg']
    snr = {t: st[t]['median'] / (st[t]['stdv'] * math.sqrt(st[t]['n'] / (st[t]['n'] - 1)))
           for t in ('csf', 'wm', 'gm')}
    def snrd(mu):
        if bg['mad'] > 1.0:
            return 0.6551364 * mu / bg['mad']
        return 0.6551364 * mu / bg['stdv'] if bg['stdv'] > 1e-3 else -1.0
    sd = {t: snrd(st[t]['median']) for t in ('csf', 'wm', 'gm')}
    for t in ('csf', 'wm', 'gm'):
        out['snr_' + t] = snr[t]
        out['snrd_' + t] = sd[t]
    out['snr_total'] = float(np.mean(list(snr.values())))
    out['snrd_total'] = float(np.mean(list(sd.values())))
    wm, gm = st['wm'], st['gm']
    out['cnr'] = abs(wm['median'] - gm['median']) / math.sqrt(
        bg['stdv'] ** 2 + gm['stdv'] ** 2 + wm['stdv'] ** 2)
    out['cjv'] = (wm['mad'] + gm['mad']) / abs(wm['median'] - gm['median'])
    fg = np.median(img[head > 0] ** 2)
    bgm = (head <= 0) & (rot <= 0)
    bgmu = np.median(img[bgm] ** 2)
    out['fber'] = -1.0 if bgmu < 1e-3 else round(float(fg / bgmu), 4)
    x = img[rot == 0]
    n = x.size
    emax = n * (1 / math.sqrt(n)) * math.log(1 / math.sqrt(n))
    b = math.sqrt((x ** 2).sum())
    out['efc'] = round(float((x / b * np.log((x + 1e-16) / b)).sum() / emax), 4)
    out['wm2max'] = wm['median'] / np.percentile(img.ravel(), 99.95)
    out['qi_1'] = -1.0 if air.sum() < 1 else float(art.sum() / (air.sum() + art.sum()))
    out['qi_2'] = qi2(img, air)
    fw = np.array(fwhm_mm[:3]) / np.array(zooms)
    for a, v in zip('xyz', fw):
        out['fwhm_' + a] = float(v)
        out['spacing_' + a] = zooms['xyz'.index(a)]
        out['size_' + a] = int(img.shape['xyz'.index(a)])
    out['fwhm_avg'] = float(np.mean(fw))
    tot = sum(p.sum() for p in pvms)
    for t, p, tp in zip(('csf', 'gm', 'wm'), pvms, tpms):
        out['icvs_' + t] = float(p.sum() / tot)
        out['tpm_overlap_' + t] = float(np.minimum(p, tp).sum() / np.maximum(p, tp).sum())
        pv = np.clip(p, 0, 1)
        pos = pv[pv > 0]
        up, lo = np.percentile(pos, 98), np.percentile(pos, 2)
        pv = np.where((pv < lo) | (pv > up), 0, pv)
        out['rpve_' + t] = float((pv[pv > 0.5].sum() + (1 - pv[pv <= 0.5]).sum()) / pos.size)
    bv = bias[segm > 0]
    out['inu_range'] = float(abs(np.percentile(bv, 95) - np.percentile(bv, 5)))
    out['inu_med'] = float(np.median(bv))
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in sorted(out.items())}


if __name__ == '__main__':
    # prints the IQMs as JSON; on stderr the best compute time (s, file reading excluded) of --repeat runs
    repeat = int(sys.argv[sys.argv.index('--repeat') + 1]) if '--repeat' in sys.argv else 1
    case = read_case(sys.argv[1])
    best = float('inf')
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = iqms(case)
        best = min(best, time.perf_counter() - t0)
    print(f'{best:.4f}', file=sys.stderr)
    print(json.dumps(res, indent=1))
