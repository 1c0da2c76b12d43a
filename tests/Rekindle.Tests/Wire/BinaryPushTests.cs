using System.Text;
using Rekindle.Wire;

namespace Rekindle.Tests.Wire;

public sealed class BinaryPushTests
{
    [Fact]
    public void TryRead_PushAsTheClientEncodesIt_ReadsHeaderAndPayload()
    {
        byte[] frame = [0, 1, 2, 5, 5, .. Encoding.UTF8.GetBytes("312lvu:0chunk"), 9, 8, 7];

        Assert.True(BinaryPush.TryRead(frame, out var push, out _));

        Assert.Equal(("3", "12", "lvu:0", "chunk"), (push.JoinRef, push.Ref, push.Topic, push.Event));
        Assert.Equal([9, 8, 7], push.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 1, 1 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0, 9, 0, 0, 0, 65 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 0xFF })]
    public void TryRead_NotAWellFormedPush_Refused(byte[] frame)
    {
        Assert.False(BinaryPush.TryRead(frame, out _, out var error));
        Assert.NotEmpty(error);
    }
}
