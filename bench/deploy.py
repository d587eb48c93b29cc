#!/usr/bin/env python3
"""`laurel deploy` against moto's S3 server on 127.0.0.1: the example, and a generated site.

Usage: bench/deploy.py [LAUREATES]   (default: the example, then 2,000 laureates)

For each site: build it, start moto (target/e2e-tools/venv, as .ci/run installs it), then
time a first deploy (with its peak memory), a no-change deploy, and a deploy after one story
is edited and the site rebuilt. Prints the summary lines laurel prints (uploads, requests).
Needs a release build (cargo build --release). Not a test: these machines are noisy.
"""
import os, socket, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve import LAUREL, REPO, make_site  # noqa: E402

VENV = os.path.join(REPO, "target", "e2e-tools", "venv", "bin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args, env):
    """Runs laurel; returns seconds, its own peak memory in MB (wait4) and its last line."""
    started = time.perf_counter()
    child = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    assert status == 0, out
    return seconds, usage.ru_maxrss / 1024, out.strip().splitlines()[-1]


def measure(count):
    port = free_port()
    moto = subprocess.Popen([os.path.join(VENV, "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            time.sleep(0.1)
        subprocess.run([os.path.join(VENV, "python"), "-c",
                        "import boto3,sys; boto3.client('s3', endpoint_url=sys.argv[1], aws_access_key_id='k', "
                        "aws_secret_access_key='s', region_name='us-east-1').create_bucket(Bucket='bench-site')",
                        f"http://127.0.0.1:{port}"], check=True)
        with tempfile.TemporaryDirectory() as site:
            make_site(site, count)
            with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as f:
                f.write(f"\ndeploy:\n  - name: s3\n    kind: s3\n    endpoint: http://127.0.0.1:{port}\n"
                        "    bucket: bench-site\n    prefix: zuimei/\n    max_deletes: 100000\n")
            env = dict(os.environ, LAUREL_DEPLOY_ACCESS_KEY_ID="bench", LAUREL_DEPLOY_SECRET_ACCESS_KEY="bench")
            subprocess.run([LAUREL, "build", "--quiet", "--root", site], check=True)
            label = f"{count} laureates" if count else "example"
            deploy = [LAUREL, "deploy", "--root", site]
            for what in ("first deploy", "no-change deploy"):
                seconds, mb, line = run(deploy, env)
                print(f"{label}, {what}: {seconds:.2f} s, peak {mb:.0f} MB | {line}")
            people = os.path.join(site, "content", "laureates")
            story = os.path.join(people, sorted(os.listdir(people))[0], "story.md")
            with open(story, "a", encoding="utf-8") as f:
                f.write("\n\n又一个段落。\n")
            subprocess.run([LAUREL, "build", "--quiet", "--root", site], check=True)
            seconds, mb, line = run(deploy, env)
            print(f"{label}, one story edited: {seconds:.2f} s, peak {mb:.0f} MB | {line}")
    finally:
        moto.kill()


if __name__ == "__main__":
    for count in ([int(sys.argv[1])] if len(sys.argv) > 1 else [None, 2000]):
        measure(count)
