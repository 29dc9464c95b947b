package org.parley.chat.domain.model.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.OptimisticLock;
import org.parley.chat.domain.model.addin.AddIn;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRules;
import org.parley.chat.domain.model.category.CategoryTerms;
import org.parley.chat.domain.model.category.Retention;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.GroupDirectory;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.Principals;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.Subject;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Name;
import org.parley.chat.domain.shared.Texts;

/**
 * A chat room. Every right in it is the conjunction of two rules: the category must allow the user
 * (checked at every use, so denying someone in the category takes effect in all its rooms at once), and
 * the room's own privacy, type and role lists must. Administrators pass both, but nobody joins or posts
 * to a disabled room.
 */
@Entity
@Table(name = "chat_room")
public class Room {

    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 1024;
    public static final int MAX_TOPIC_LENGTH = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_room_id")
    @SequenceGenerator(name = "chat_room_id", sequenceName = "chat_room_seq", allocationSize = 50)
    private Long id;

    @Column(name = "guid", nullable = false, unique = true)
    private UUID guid;

    @Column(name = "domain", nullable = false, length = 255)
    private String domain;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private Category category;

    /** The category's key, read with the room: its rules can be found in memory without loading it. */
    @Column(name = "category_id", insertable = false, updatable = false)
    private Long categoryId;

    /**
     * The category's rules as a cache remembered them ({@link #judgeBy}), asked instead of the category so that a
     * post reads neither it nor its lists; null: the category is asked. Never stored, and forgotten when the room
     * moves, so it never outlives the category it was read from.
     */
    @Transient
    private CategoryRules categoryRules;

    @Embedded
    private Name name;

    @Column(name = "description", length = MAX_DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "topic", length = MAX_TOPIC_LENGTH)
    private String topic;

    @Enumerated(EnumType.STRING)
    @Column(name = "privacy", nullable = false, length = 16)
    private Privacy privacy;

    @Enumerated(EnumType.STRING)
    @Column(name = "room_type", nullable = false, length = 16)
    private RoomType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "invitations", nullable = false, length = 16)
    private InvitationSetting invitations;

    @Column(name = "disabled", nullable = false)
    private boolean disabled;

    /** The web page clients show beside the room, or none. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "add_in_id")
    private AddIn addIn;

    /** How many days the room keeps a message: null, as its category says; 0, for ever whatever it says. */
    @Column(name = "retention_days")
    private Integer retentionDays;

    @Embedded
    @AssociationOverride(
            name = Principals.PATH,
            joinTable = @JoinTable(name = "room_member", joinColumns = @JoinColumn(name = "room_id")))
    private Principals members = new Principals();

    @Embedded
    @AssociationOverride(
            name = Principals.PATH,
            joinTable = @JoinTable(name = "room_manager", joinColumns = @JoinColumn(name = "room_id")))
    private Principals managers = new Principals();

    @Embedded
    @AssociationOverride(
            name = Principals.PATH,
            joinTable = @JoinTable(name = "room_presenter", joinColumns = @JoinColumn(name = "room_id")))
    private Principals presenters = new Principals();

    /**
     * The sequence number of the last message posted. Posting runs with this row locked (see
     * RoomRepository#lockForPosting), which serialises posts per room. Excluded from optimistic locking:
     * a post must not change the room's version, or every message would invalidate the ETag a manager
     * is editing the settings with.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "last_message_seq", nullable = false)
    private long lastMessageSeq;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Room() {}

    private Room(Category category, UUID guid, RoomSettings settings, Principal manager, Instant createdAt) {
        this.category = category;
        this.categoryId = category.id();
        this.guid = guid;
        this.domain = category.uri().domain();
        this.createdAt = createdAt;
        this.managers.add(manager);
        apply(settings);
    }

    /**
     * A new room in {@code category}, managed by its creator, who must be a creator of the category.
     * Name uniqueness across the server is the repository's (it needs every room).
     */
    public static Room create(Actor by, Category category, UUID guid, RoomSettings settings, Instant now) {
        if (!by.administrator() && !category.permitsCreator(by.subject())) {
            throw ChatException.forbidden(by.uri() + " may not create rooms in category " + category.name());
        }
        return new Room(category, guid, settings, Principal.user(by.uri()), now);
    }

    /**
     * A room as an export of a chat store describes it, with its GUID, role lists and message counter, for
     * an administrator's import. The category's rules are not checked: they are the exporting store's.
     */
    public static Room restore(
            Actor by,
            Category category,
            UUID guid,
            RoomSettings settings,
            boolean disabled,
            Set<Principal> members,
            Set<Principal> managers,
            Set<Principal> presenters,
            long lastMessageSeq,
            Instant createdAt) {
        by.requireAdministrator("import rooms");
        if (managers.isEmpty()) {
            throw ChatException.invalid("room " + settings.name() + " needs a manager");
        }
        if (lastMessageSeq < 0) {
            throw ChatException.invalid("room " + settings.name() + " has a negative message counter");
        }
        Room room = new Room(category, guid, settings, managers.iterator().next(), createdAt);
        room.managers.addAll(managers);
        room.members.addAll(members);
        room.presenters.addAll(presenters);
        room.disabled = disabled;
        room.lastMessageSeq = lastMessageSeq;
        return room;
    }

    /**
     * Makes the room as an imported document says (an import that updates): its settings, category, disabled
     * flag and role lists; its message counter only moves forward (the caller adds the messages after it, holding
     * the room's row lock as a post does). Like {@link #restore}, the category's rules were the exporting store's.
     *
     * @return what changed, in words ("settings", "category", "members", ...), empty when nothing did
     */
    public List<String> restoreAs(
            Actor by,
            Category target,
            RoomSettings settings,
            boolean disabled,
            Map<RoomRole, Set<Principal>> roles,
            long lastMessageSeq) {
        by.requireAdministrator("import rooms");
        if (roles.getOrDefault(RoomRole.MANAGER, Set.of()).isEmpty()) {
            throw ChatException.invalid("room " + settings.name() + " needs a manager");
        }
        List<String> changed = new ArrayList<>();
        if (!settings.equals(settings())) {
            apply(settings);
            changed.add("settings");
        }
        if (!target.equals(category)) {
            moveInto(target);
            changed.add("category");
        }
        if (disabled != this.disabled) {
            this.disabled = disabled;
            changed.add(disabled ? "disabled" : "enabled");
        }
        for (RoomRole role : RoomRole.values()) {
            if (principals(role).replaceWith(roles.getOrDefault(role, Set.of()))) {
                changed.add(role.name().toLowerCase(Locale.ROOT) + "s");
            }
        }
        if (lastMessageSeq > this.lastMessageSeq) {
            this.lastMessageSeq = lastMessageSeq;
            changed.add("history");
        }
        return changed;
    }

    // ---- who may do what

    private boolean listed(Subject subject) {
        return members.matches(subject) || managers.matches(subject) || presenters.matches(subject);
    }

    public boolean isMember(Subject subject) {
        return categoryPermits(subject) && listed(subject);
    }

    public boolean isManager(Subject subject) {
        return categoryPermits(subject) && managers.matches(subject);
    }

    public boolean isPresenter(Subject subject) {
        return categoryPermits(subject) && presenters.matches(subject);
    }

    /** Whether the room shows in the actor's searches and can be named to them at all. */
    public boolean canSee(Actor actor) {
        if (actor.administrator()) {
            return true;
        }
        Subject subject = actor.subject();
        if (!categoryPermits(subject)) {
            return false;
        }
        if (disabled && !isManager(subject)) {
            return false;
        }
        return privacy != Privacy.SECRET || listed(subject);
    }

    public boolean canJoin(Actor actor) {
        if (disabled) {
            return false;
        }
        if (actor.administrator()) {
            return true;
        }
        Subject subject = actor.subject();
        return categoryPermits(subject) && (privacy == Privacy.OPEN || listed(subject));
    }

    /** Reading history: whoever may join, and administrators even of a disabled room. */
    public boolean canRead(Actor actor) {
        return actor.administrator() || canJoin(actor);
    }

    public boolean canPost(Actor actor) {
        return canJoin(actor) && (type == RoomType.NORMAL || actor.administrator() || isPresenter(actor.subject()));
    }

    public boolean canManage(Actor actor) {
        return actor.administrator() || isManager(actor.subject());
    }

    /** Refuses with the reason a client may learn: a room the actor may not see is NOT_FOUND. */
    public void requireJoin(Actor actor) {
        requireVisible(actor);
        if (disabled) {
            throw new ChatException(ChatException.Reason.ROOM_DISABLED, "room " + name + " is disabled");
        }
        if (!canJoin(actor)) {
            throw ChatException.forbidden(actor.uri() + " is not a member of room " + name);
        }
    }

    public void requireRead(Actor actor) {
        if (actor.administrator()) {
            return;
        }
        requireJoin(actor);
    }

    /**
     * Who may delete the room: administrators, and its managers where the server lets managers delete rooms.
     * A room the actor may not see is NOT_FOUND, as everywhere.
     */
    public void requireDelete(Actor actor, boolean managersMayDelete) {
        requireVisible(actor);
        if (!actor.administrator() && !(managersMayDelete && isManager(actor.subject()))) {
            throw ChatException.forbidden(
                    managersMayDelete
                            ? actor.uri() + " is neither an administrator nor a manager of room " + name
                            : "only a Persistent Chat administrator may delete room " + name);
        }
    }

    public void requireManage(Actor actor) {
        requireVisible(actor);
        if (!canManage(actor)) {
            throw ChatException.forbidden(actor.uri() + " is not a manager of room " + name);
        }
    }

    private void requireVisible(Actor actor) {
        if (!canSee(actor)) {
            throw ChatException.notFound("no room " + uri());
        }
    }

    // ---- messages

    /**
     * The next message of this room. The caller must hold the room's row lock (RoomRepository
     * #lockForPosting) from reading {@link #lastMessageSeq} to committing, so no two posts get one number.
     */
    public Message post(Actor author, String text, Instant clientTime, Instant serverTime) {
        requireJoin(author);
        if (!canPost(author)) {
            throw ChatException.forbidden("only presenters post in auditorium room " + name);
        }
        Message.checkedText(text);
        lastMessageSeq++;
        return new Message(this, lastMessageSeq, author.uri(), text, clientTime, serverTime);
    }

    // ---- changes by managers

    public void change(Actor by, RoomSettings settings) {
        requireManage(by);
        apply(settings);
    }

    /**
     * Moves the room to another category of its domain. Administrators may move any room; a manager only to a
     * category in which they may create rooms, so nobody can move a room into a category they could not have
     * made it in. From then on the target category's rules (who may be in its rooms, files, history,
     * invitations) apply to the room and to everyone on its role lists.
     */
    public void moveTo(Actor by, Category target) {
        requireManage(by);
        if (!by.administrator() && !target.permitsCreator(by.subject())) {
            throw ChatException.forbidden(by.uri() + " may not create rooms in category " + target.name());
        }
        if (!target.uri().domain().equals(domain)) {
            throw ChatException.invalid("category " + target.name() + " is not of domain " + domain);
        }
        moveInto(target);
    }

    private void moveInto(Category target) {
        this.category = target;
        this.categoryId = target.id();
        this.categoryRules = null;
    }

    /**
     * From now on, in this transaction, the room judges by {@code rules} instead of asking its category, which
     * then need not be read: the caller vouches that they are the rules of the category {@link #categoryId} names
     * as it stands now (a cache that forgets them on every change, {@code CategoryRulesCache}).
     */
    public void judgeBy(CategoryRules rules) {
        this.categoryRules = rules;
    }

    /** The rules it was given to judge by, else the category itself. */
    private CategoryTerms categoryTerms() {
        return categoryRules != null ? categoryRules : category;
    }

    private boolean categoryPermits(Subject subject) {
        return categoryTerms().permitsMember(subject);
    }

    /**
     * Overrides the category's retention for this room: administrators only (it deletes history).
     *
     * @param days 1 to {@value Retention#MAX_DAYS}; 0, for ever; null, as the
     *             category says
     */
    public void keepHistoryFor(Actor by, Integer days) {
        by.requireAdministrator("set how long history is kept");
        retentionDays = days == null || days == 0 ? days : Retention.days(days);
    }

    /** Gives the room an add-in, or (null) none: its managers, as for its other settings. */
    public void useAddIn(Actor by, AddIn addIn) {
        requireManage(by);
        this.addIn = addIn;
    }

    /** The room's add-in, or null. */
    public AddIn addIn() {
        return addIn;
    }

    /** The room's own retention: null, the category's; 0, for ever. */
    public Integer ownRetentionDays() {
        return retentionDays;
    }

    /** How long the room keeps a message, all told; empty, for ever. */
    public Optional<Duration> retention() {
        Integer days = retentionDays != null ? retentionDays : category.retentionDays();
        return days == null || days == 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
    }

    public void disable(Actor by) {
        requireManage(by);
        disabled = true;
    }

    public void enable(Actor by) {
        requireManage(by);
        disabled = false;
    }

    /**
     * Grants a role. A single user must be allowed by the category (else the grant could never take
     * effect); a group or domain may be wider than the category, which then narrows it at every use.
     */
    public void grant(Actor by, RoomRole role, Principal principal, GroupDirectory directory) {
        requireManage(by);
        if (principal.kind() == Principal.Kind.USER
                && !categoryPermits(directory.subjectOf(SipUri.parse(principal.name())))) {
            throw ChatException.forbidden("category " + category.name() + " does not allow " + principal);
        }
        principals(role).add(principal);
    }

    public void revoke(Actor by, RoomRole role, Principal principal) {
        requireManage(by);
        if (role == RoomRole.MANAGER && managers.size() == 1 && managers.contains(principal)) {
            throw ChatException.conflict("room " + name + " would have no manager left");
        }
        principals(role).remove(principal);
    }

    private Principals principals(RoomRole role) {
        return switch (role) {
            case MEMBER -> members;
            case MANAGER -> managers;
            case PRESENTER -> presenters;
        };
    }

    private void apply(RoomSettings settings) {
        if (settings.privacy() == null || settings.type() == null || settings.invitations() == null) {
            throw ChatException.invalid("a room needs a privacy, a type and an invitation setting");
        }
        this.name = Name.of(settings.name(), "room name", MAX_NAME_LENGTH);
        this.description = Texts.optional(settings.description(), "room description", MAX_DESCRIPTION_LENGTH);
        this.topic = Texts.optional(settings.topic(), "room topic", MAX_TOPIC_LENGTH);
        this.privacy = settings.privacy();
        this.type = settings.type();
        this.invitations = settings.invitations();
    }

    // ---- what the category switches

    public boolean invitationsEnabled() {
        return categoryTerms().invitationsAllowed() && invitations != InvitationSetting.OFF;
    }

    public boolean fileUploadAllowed() {
        return categoryTerms().fileUploadAllowed();
    }

    public boolean historyEnabled() {
        return categoryTerms().chatHistoryEnabled();
    }

    // ---- state

    public Long id() {
        return id;
    }

    public RoomUri uri() {
        return new RoomUri(domain, guid);
    }

    public Category category() {
        return category;
    }

    /** The category's key, without reading the category. */
    public Long categoryId() {
        return categoryId;
    }

    public String name() {
        return name.text();
    }

    public String nameKey() {
        return name.key();
    }

    public RoomSettings settings() {
        return new RoomSettings(name.text(), description, topic, privacy, type, invitations);
    }

    public Privacy privacy() {
        return privacy;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public Set<Principal> holders(RoomRole role) {
        return principals(role).toSet();
    }

    public long lastMessageSeq() {
        return lastMessageSeq;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
