namespace Release.CI.Files;

/// <summary>Committed CI files differ from what the build definition generates; the message says how to fix it.</summary>
public sealed class CiFilesOutOfDateException(string message) : Exception(message);
