using Release.Containers.RootFs;

namespace Release.Containers.BaseImages;

/// <summary>The small fixed part of the base image: users, groups, and the folders every container expects.</summary>
internal static class BaseImageSkeleton
{
    private const UnixFileMode StickyWorldWritable = (UnixFileMode)0b1_111_111_111; // 01777, like /tmp everywhere
    private const UnixFileMode OwnerOnly = (UnixFileMode)0b111_000_000; // 0700
    private const UnixFileMode OwnerAndGroup = (UnixFileMode)0b111_101_000; // 0750

    public static void Add(RootFileSystem rootFs, HostBaseImageOptions options)
    {
        var user = options.AppUser;
        var uid = options.AppUid;
        rootFs.AddTextFile("etc/passwd",
            "root:x:0:0:root:/root:/usr/sbin/nologin\n" +
            "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n" +
            $"{user}:x:{uid}:{uid}:{user}:/home/{user}:/usr/sbin/nologin\n");
        rootFs.AddTextFile("etc/group", $"root:x:0:\nnogroup:x:65534:\n{user}:x:{uid}:\n");
        rootFs.AddDirectory("tmp", StickyWorldWritable);
        rootFs.AddDirectory("root", OwnerOnly);
        rootFs.AddDirectory($"home/{user}", OwnerAndGroup, uid, uid);
        rootFs.AddDirectory("app");
        rootFs.AddDirectory("var/lib/dpkg");
    }
}
