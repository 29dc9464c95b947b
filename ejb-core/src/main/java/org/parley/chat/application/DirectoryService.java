package org.parley.chat.application;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.GroupView;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.UserGroup;
import org.parley.chat.domain.model.user.UserGroupRepository;
import org.parley.chat.domain.shared.ChatException;

/**
 * The user groups that categories and rooms grant rights to ({@code group:<name>}); administrators keep them. Groups
 * of the enterprise directory are granted the same way and kept in the directory.
 */
@Stateless
public class DirectoryService {

    @Inject
    Callers callers;

    @Inject
    UserGroupRepository groups;

    @Inject
    AccessChanges accessChanges;

    public DirectoryService() {}

    DirectoryService(Callers callers, UserGroupRepository groups, AccessChanges accessChanges) {
        this.accessChanges = accessChanges;
        this.callers = callers;
        this.groups = groups;
    }

    public GroupView createGroup(String actorUri, String name, String description) {
        Actor actor = callers.actor(actorUri);
        if (groups.findByName(name).isPresent()) {
            throw ChatException.conflict("a group named " + name + " exists");
        }
        UserGroup group = UserGroup.create(actor, name, description);
        groups.add(group);
        return GroupView.of(group);
    }

    /** Grants to the group stay in categories and rooms but match nobody (until a group of that name exists). */
    public void deleteGroup(String actorUri, String name) {
        Actor actor = callers.actor(actorUri);
        actor.requireAdministrator("delete a user group");
        groups.remove(group(name));
        accessChanges.everyone();
    }

    public GroupView addGroupMember(String actorUri, String groupName, String userUri) {
        UserGroup group = group(groupName);
        group.addMember(callers.actor(actorUri), SipUri.parse(userUri));
        // A group can be on a category's denied list: joining it can take rights away.
        accessChanges.user(SipUri.parse(userUri));
        return GroupView.of(group);
    }

    public GroupView removeGroupMember(String actorUri, String groupName, String userUri) {
        UserGroup group = group(groupName);
        group.removeMember(callers.actor(actorUri), SipUri.parse(userUri));
        accessChanges.user(SipUri.parse(userUri));
        return GroupView.of(group);
    }

    /**
     * The enterprise directory's entry of the user changed (groups, units, enabled, administrator): who the user is
     * must be asked again, and the rooms they may no longer read left and unfollowed, as when an administrator
     * changes a group here.
     */
    public void directoryEntryChanged(String userUri) {
        accessChanges.user(SipUri.parse(userUri));
    }

    public GroupView findGroup(String name) {
        return GroupView.of(group(name));
    }

    public List<GroupView> groups() {
        return groups.all().stream().map(GroupView::of).toList();
    }

    private UserGroup group(String name) {
        return groups.findByName(name).orElseThrow(() -> ChatException.notFound("no group " + name));
    }
}
