package org.parley.chat.testing;

import java.util.Set;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.domain.model.user.SipUri;

/**
 * A chat configuration for a test: contoso.com with roomy limits and the product's defaults for the server options
 * (managers may not delete rooms, 25 messages of back chat, 75 participants listed, no room management URL), with
 * what the test sets instead. The record's components are listed once, here, not in a constructor per default.
 */
public final class TestChatConfiguration {

    private int storySizeLimit = 4096;
    private int searchLimit = 999;
    private long maxFileSizeBytes = 1_000_000;
    private Set<SipUri> administrators = Set.of();
    private boolean managersMayDeleteRooms = false;
    private int backChatDefaultCount = 25;
    private int participantListLimit = 75;
    private String roomManagementUrl = "";

    private TestChatConfiguration() {}

    public static TestChatConfiguration contoso() {
        return new TestChatConfiguration();
    }

    public TestChatConfiguration storySizeLimit(int storySizeLimit) {
        this.storySizeLimit = storySizeLimit;
        return this;
    }

    public TestChatConfiguration searchLimit(int searchLimit) {
        this.searchLimit = searchLimit;
        return this;
    }

    public TestChatConfiguration maxFileSizeBytes(long maxFileSizeBytes) {
        this.maxFileSizeBytes = maxFileSizeBytes;
        return this;
    }

    public TestChatConfiguration administrators(SipUri... administrators) {
        this.administrators = Set.of(administrators);
        return this;
    }

    public TestChatConfiguration managersMayDeleteRooms(boolean managersMayDeleteRooms) {
        this.managersMayDeleteRooms = managersMayDeleteRooms;
        return this;
    }

    public TestChatConfiguration backChatDefaultCount(int backChatDefaultCount) {
        this.backChatDefaultCount = backChatDefaultCount;
        return this;
    }

    public TestChatConfiguration participantListLimit(int participantListLimit) {
        this.participantListLimit = participantListLimit;
        return this;
    }

    public TestChatConfiguration roomManagementUrl(String roomManagementUrl) {
        this.roomManagementUrl = roomManagementUrl;
        return this;
    }

    public ChatConfiguration build() {
        return new ChatConfiguration(
                "contoso.com",
                storySizeLimit,
                searchLimit,
                500,
                maxFileSizeBytes,
                true,
                administrators,
                managersMayDeleteRooms,
                backChatDefaultCount,
                participantListLimit,
                roomManagementUrl);
    }
}
