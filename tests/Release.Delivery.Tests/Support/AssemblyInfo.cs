// These tests drive Linux tools for real (podman, docker-registry, git, the host's .NET for the base image).
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
