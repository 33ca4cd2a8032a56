using Release.Scanning.Versions;

namespace Release.Scanning.Tests;

public sealed class DebianVersionComparerTests
{
    [TestCase("1.0", "1.0-0", 0)]
    [TestCase("1.0~rc1", "1.0", -1)]
    [TestCase("1:0.9", "2.0", 1)]
    [TestCase("2.36-9+deb12u4", "2.36-9+deb12u10", -1)]
    [TestCase("1.2a", "1.2+", -1)]
    [TestCase("1.10", "1.9", 1)]
    [TestCase("7.88.1-10+deb12u5", "7.88.1-10+deb12u5", 0)]
    public void Orders_like_dpkg(string left, string right, int expectedSign)
    {
        Assert.That(Math.Sign(DebianVersionComparer.Instance.Compare(left, right)), Is.EqualTo(expectedSign));
        Assert.That(Math.Sign(DebianVersionComparer.Instance.Compare(right, left)), Is.EqualTo(-expectedSign));
    }
}
