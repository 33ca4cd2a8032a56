// These tests drive Linux container tools (podman, buildah, ldd, dpkg) for real; they do not run on Windows.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
