/** The persistent hourly timer that applies history retention, once per pool. */
package org.parley.chat.infrastructure.retention;
