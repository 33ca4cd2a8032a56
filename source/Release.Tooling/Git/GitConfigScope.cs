namespace Release.Tooling.Git;

/// <summary>Which git configuration file <c>git config</c> reads or writes.</summary>
public enum GitConfigScope
{
    /// <summary>The repository's own <c>.git/config</c> (<c>--local</c>).</summary>
    Local,

    /// <summary>The user's <c>~/.gitconfig</c> (<c>--global</c>).</summary>
    Global,

    /// <summary>The machine's <c>/etc/gitconfig</c> (<c>--system</c>).</summary>
    System,
}
