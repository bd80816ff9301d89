package org.branchlink.gateway.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader chooses how to be told, in real Chromium on a phone and at a desk: a number that is not a mobile number is
 * refused beside what they typed, which stays; then e-mail and text messages are chosen and kept.
 */
class NotificationJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	AccountStore accounts;

	@Autowired
	ReaderRegistry readers;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aReaderChoosesEmailAndTextMessages(int width) throws Exception {
		String username = "notify-" + width;
		accounts.save(username, "notify-password-1", "通知读者", Set.of(Role.READER), Set.of());
		readers.register(new ReaderRegistry.Registration("通知读者", LocalDate.of(1992, 7, 8), "adult", "baishi", null, false,
				null, null, username));
		try (JourneyBrowser browser = JourneyBrowser.open(port, "notifications", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn(username, "notify-password-1");
			browser.click("#nav-notifications");
			browser.find("#notify-form, .notify-form");
			browser.check("notifications");

			browser.type("#email", "me@example.cn");
			browser.type("#phone", "12345");
			browser.click("#channel-sms");
			browser.submit("#save-notifications");
			assertThat(browser.text("#refused")).isEqualTo("手机号码应为 11 位数字，以 1 开头。");
			assertThat(browser.find("#email").getAttribute("value")).isEqualTo("me@example.cn");
			assertThat(browser.find("#channel-sms").isSelected()).isTrue();

			browser.type("#phone", "13900139000");
			browser.click("#channel-email");
			browser.submit("#save-notifications");
			assertThat(browser.text("#notice")).isEqualTo("已保存您的通知方式。");
			assertThat(browser.find("#channel-email").isSelected()).isTrue();
			assertThat(browser.find("#phone").getAttribute("value")).isEqualTo("13900139000");
			browser.check("notifications-saved");

			// the same page in English: its words, and a refusal in the reader's language
			browser.go("/my/notifications?lang=en");
			assertThat(browser.text("h1")).isEqualTo("How to tell me");
			assertThat(browser.text("label[for='channel-sms']")).isEqualTo("Text message");
			browser.type("#phone", "12345");
			browser.submit("#save-notifications");
			assertThat(browser.text("#refused")).isEqualTo("A mobile number has 11 digits and starts with 1.");
			assertThat(browser.find("#phone").getAttribute("value")).isEqualTo("12345");
			browser.check("notifications-english");
		}
	}

}
