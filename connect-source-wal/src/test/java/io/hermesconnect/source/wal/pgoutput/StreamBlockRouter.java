package io.hermesconnect.source.wal.pgoutput;

import io.hermesconnect.source.wal.stream.StreamedTransactionBuffer;
import java.nio.ByteBuffer;

/**
 * Routes messages as the task does with protocol 2: a stream block's messages go to the buffer raw, the
 * rest to the decoder, and a committed transaction is replayed through the same decoder at Stream Commit.
 */
class StreamBlockRouter extends RecordingListener {

    final StreamedTransactionBuffer buffer;
    PgOutputDecoder decoder;
    private int blockXid;

    StreamBlockRouter(StreamedTransactionBuffer buffer) {
        this.buffer = buffer;
    }

    void receive(ByteBuffer message) {
        byte type = message.get(message.position());
        if (blockXid != 0 && type != 'E') {
            // Origin messages carry no xid of their own
            buffer.append(blockXid, type == 'O' ? blockXid : message.getInt(message.position() + 1), message);
        } else {
            decoder.decode(message);
        }
    }

    @Override
    public void streamStart(int xid, boolean first) {
        super.streamStart(xid, first);
        blockXid = xid;
    }

    @Override
    public void streamStop() {
        super.streamStop();
        blockXid = 0;
    }

    @Override
    public void streamCommit(int xid, long commitLsn, long endLsn, long commitTimeMicros) {
        super.streamCommit(xid, commitLsn, endLsn, commitTimeMicros);
        buffer.replay(xid, decoder::decode);
    }

    @Override
    public void streamAbort(int xid, int subXid) {
        super.streamAbort(xid, subXid);
        buffer.abort(xid, subXid);
    }
}
