using System.Text;

namespace Release.Helm.Cli;

/// <summary>Formats a <see cref="TimeSpan"/> as a Go duration (<c>1h2m3s</c>, <c>5m0s</c>, <c>45s</c>), the form helm's <c>--timeout</c>
/// takes.</summary>
public static class GoDuration
{
    /// <summary>Formats whole seconds (a fraction is rounded up, so a timeout never shrinks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive.</exception>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A helm timeout must be positive, e.g. 5 " +
            "minutes.");
        var seconds = (long)Math.Ceiling(duration.TotalSeconds);
        var text = new StringBuilder();
        if (seconds >= 3600) text.Append(seconds / 3600).Append('h');
        if (seconds >= 60) text.Append(seconds % 3600 / 60).Append('m');
        return text.Append(seconds % 60).Append('s').ToString();
    }
}
