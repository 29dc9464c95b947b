package org.parley.xccos;

import java.util.List;

/** An rpl: the answer to one command, correlated by its {@link CommandRef}. */
public record Reply(String id, CommandRef ref, Result result, List<DataItem> data) implements Outbound {

    public Reply {
        data = List.copyOf(data);
    }

    public static Reply ok(Command command, List<DataItem> data) {
        return new Reply(command.replyId(), command.ref(), Result.OK, data);
    }

    public static Reply ok(Command command, DataItem... data) {
        return ok(command, List.of(data));
    }

    public static Reply error(Command command, Result result) {
        return new Reply(command.replyId(), command.ref(), result, List.of());
    }
}
