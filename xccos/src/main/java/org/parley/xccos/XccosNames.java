package org.parley.xccos;

/**
 * The names on the wire. Anything docs/protocol/xccos.md marks as inferred [INF] is a constant here, so a
 * capture that proves otherwise changes one line.
 */
public final class XccosNames {

    public static final String NAMESPACE = "urn:parlano:xml:ns:xccos";
    public static final String XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema";
    public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String VERSION = "1";

    /** SIP Content-Type of every XCCOS INFO body (docs/protocol/xccos.md §4, verified). */
    public static final String CONTENT_TYPE = "text/plain";

    /**
     * [INF] docs/protocol/xccos.md §7.2 / §12 q1: a 2010 log says rpl:getservinfo, MS-OCSPROT says
     * rpl:getserverinfo. We follow the specification until a Lync 2013 capture says otherwise.
     */
    public static final String REPLY_GETSERVERINFO = "rpl:getserverinfo";

    /** The reply to both file-token commands carries one id in captures (docs/protocol/xccos.md §7.9). */
    public static final String REPLY_GETFILETOKEN = "rpl:getftok";

    public static final String INFO_USER_COUNT = "urn:parlano:ma:info:ucnt";
    /** Misspelt on the wire, and must stay so (docs/protocol/xccos.md §6). */
    public static final String INFO_VISIBILITY = "urn:parlano:ma:info:visibilty";
    /**
     * A room's add-in, its URL as the text [INF: no capture shows how the original server named it; our own info id,
     * in the form of the others. Clients ignore infos they do not know].
     */
    public static final String INFO_ADD_IN = "urn:parlano:ma:info:addin";
    /**
     * A room's type, {@code normal} or {@code auditorium} (only presenters post) [INF: our own info id, in the form of
     * the others: no capture shows a type. Clients ignore infos they do not know; SIPE reads only ucnt and visibilty].
     */
    public static final String INFO_TYPE = "urn:parlano:ma:info:type";

    public static final String PROP_FILE_POST = "urn:parlano:ma:prop:filepost";
    public static final String PROP_INVITE = "urn:parlano:ma:prop:invite";
    public static final String PROP_LOGGED = "urn:parlano:ma:prop:logged";

    /** aib keys (docs/protocol/xccos.md §6; their meaning is SIPE's reading, [INF]). */
    public static final String AFFILIATION_MEMBER = "3984";

    public static final String AFFILIATION_MANAGER = "12276";

    /** The key of a fib that stands for a room a bjoin could not enter (docs/protocol/xccos.md §6, V-NL). */
    public static final String FAILURE_OPERATION_FAILED = "OPERATION_FAILED";

    public static final String CHANNEL_SCHEME = "ma-chan://";
    public static final String CATEGORY_SCHEME = "ma-cat://";

    private XccosNames() {}
}
