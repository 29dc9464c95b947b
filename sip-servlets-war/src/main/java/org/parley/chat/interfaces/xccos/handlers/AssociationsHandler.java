package org.parley.chat.interfaces.xccos.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.FollowService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.chat.interfaces.xccos.RoomInfos;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem;
import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;
import org.parley.xccos.XccosNames;

/**
 * cmd:getassociations [INF: no capture exists, docs/protocol/xccos.md §12 q2]. Our shape, in the style of
 * rpl:chansrch and rpl:join: the user as uib id 0, then one chanib per room it is associated with
 * (followed, member of, manager of), each with the listing's info/prop and an aib saying how:
 * 3984 member, 12276 manager, and {@value #FOLLOWED_KEY} followed.
 */
@ApplicationScoped
public class AssociationsHandler implements CommandHandler<Command.GetAssociations> {

    /** [INF] Our own aib key for "follows this room". */
    static final String FOLLOWED_KEY = "follow";

    @Inject
    RoomService rooms;

    @Inject
    FollowService follows;

    @Inject
    RoomInfos infos;

    @Override
    public Class<Command.GetAssociations> commandType() {
        return Command.GetAssociations.class;
    }

    @Override
    public List<Outbound> handle(Command.GetAssociations command, ChatClient client) {
        Map<String, RoomView> byUri = new LinkedHashMap<>();
        Map<String, List<String>> how = new LinkedHashMap<>();
        associate(rooms.roomsOfMember(client.userUri()), XccosNames.AFFILIATION_MEMBER, byUri, how);
        associate(rooms.roomsManagedBy(client.userUri()), XccosNames.AFFILIATION_MANAGER, byUri, how);
        associate(follows.followed(client.userUri()), FOLLOWED_KEY, byUri, how);
        List<DataItem> data = new ArrayList<>();
        data.add(UserInfo.numbered(0, client.userUri()));
        byUri.forEach((uri, room) -> {
            ChannelInfo listing = infos.listing(room);
            List<Affiliation> affiliations = how.get(uri).stream()
                    .map(key -> new Affiliation(key, "0", null))
                    .toList();
            data.add(new ChannelInfo(
                    listing.uri(),
                    listing.name(),
                    listing.description(),
                    listing.topic(),
                    listing.infos(),
                    listing.props(),
                    affiliations,
                    List.of()));
        });
        return List.of(Reply.ok(command, data));
    }

    private static void associate(
            List<RoomView> found, String key, Map<String, RoomView> byUri, Map<String, List<String>> how) {
        for (RoomView room : found) {
            byUri.putIfAbsent(room.uri(), room);
            how.computeIfAbsent(room.uri(), k -> new ArrayList<>()).add(key);
        }
    }
}
