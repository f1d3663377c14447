"""PyTorch side of bench/train-step: the same ResNet, loss, optimiser and batch shape as
NeuroCurate's DJL trainer (see TrainStepBench.java and org.neurocurate.learn.model.Encoders).
Prints: TORCH nx=.. ny=.. nz=.. batch=.. samples_per_s=.. peak_rss_mb=.."""
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv(cin, cout, k, s):
    return nn.Conv3d(cin, cout, k, stride=s, padding=k // 2, bias=False)


class Basic(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.main = nn.Sequential(conv(cin, cout, 3, stride), nn.BatchNorm3d(cout), nn.ReLU(),
                                  conv(cout, cout, 3, 1), nn.BatchNorm3d(cout))
        self.short = (nn.Sequential(conv(cin, cout, 1, stride), nn.BatchNorm3d(cout))
                      if cin != cout or stride != 1 else nn.Identity())

    def forward(self, x):
        return F.relu(self.main(x) + self.short(x))


def resnet(c=16, hidden=128, proj=64):
    layers = [conv(1, c, 3, 2), nn.BatchNorm3d(c), nn.ReLU(), nn.MaxPool3d(3, 2, 1)]
    cin = c
    for stage in range(4):
        cout = c << stage
        layers.append(Basic(cin, cout, 2 if stage > 0 else 1))
        cin = cout
    layers += [nn.AdaptiveAvgPool3d(1), nn.Flatten(), nn.Linear(cin, hidden), nn.ReLU(), nn.Linear(hidden, proj)]
    return nn.Sequential(*layers)


def nt_xent(z, n, tau):
    u = F.normalize(z, dim=1)
    sim = u @ u.t() / tau
    sim = sim - 1e9 * torch.eye(2 * n)
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(sim, target)


def main():
    nx, ny, nz, batch, steps, warmup, threads = map(int, sys.argv[1:8])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    net = resnet()
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)
    x = torch.randn(2 * batch, 1, nz, ny, nx)
    times = []
    cpu_start = None
    for step in range(steps):
        if step == warmup:
            cpu_start = time.process_time()
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = nt_xent(net(x), batch, 0.1)
        loss.backward()
        opt.step()
        loss.item()
        times.append(time.perf_counter() - t0)
    timed = times[warmup:]
    sps = len(timed) * batch / sum(timed)
    best = batch / min(timed)
    per_cpu = len(timed) * batch / (time.process_time() - cpu_start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"TORCH nx={nx} ny={ny} nz={nz} batch={batch} steps={len(timed)} samples_per_s={sps:.4f} best_step_samples_per_s={best:.4f} "
          f"samples_per_cpu_s={per_cpu:.4f} "
          f"final_loss={loss.item():.4f} peak_rss_mb={rss:.1f} torch={torch.__version__}")


if __name__ == "__main__":
    main()
