package org.branchlink.gateway.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.client.RestClient;

/**
 * The channels a county may set up: e-mail through Spring Mail's {@link JavaMailSender} (there when
 * {@code spring.mail.host} is set), SMS through the county's HTTP gateway ({@code branchlink.notify.sms-url}), WeChat
 * through the county's {@link WechatTemplateMessages} bean.
 */
@Configuration(proxyBeanMethods = false)
class NoticeChannels {

	@Bean
	NoticeChannel emailChannel(ObjectProvider<JavaMailSender> mail, NotifyProperties properties) {
		return new NoticeChannel() {

			@Override
			public String code() {
				return "email";
			}

			@Override
			public boolean available() {
				return mail.getIfAvailable() != null;
			}

			@Override
			public void send(String address, String subject, String text) throws Exception {
				JavaMailSender sender = mail.getObject();
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
				helper.setFrom(properties.from());
				helper.setTo(address);
				helper.setSubject(subject);
				helper.setText(text);
				sender.send(message);
			}

		};
	}

	@Bean
	NoticeChannel smsChannel(NotifyProperties properties, RestClient.Builder rest, JsonMapper json) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		requests.setReadTimeout(Duration.ofSeconds(10));
		RestClient client = rest.requestFactory(requests).build();
		return new NoticeChannel() {

			@Override
			public String code() {
				return "sms";
			}

			@Override
			public boolean available() {
				return properties.smsUrl() != null && !properties.smsUrl().isBlank();
			}

			@Override
			public void send(String address, String subject, String text) {
				String body = properties.smsBody()
					.replace("{phone}", quoted(json, address))
					.replace("{text}", quoted(json, subject + "：" + text));
				var request = client.post().uri(URI.create(properties.smsUrl())).contentType(MediaType.APPLICATION_JSON);
				Optional.ofNullable(properties.smsToken()).filter(t -> !t.isBlank())
					.ifPresent(token -> request.header("Authorization", "Bearer " + token));
				request.body(body).retrieve().toBodilessEntity();
			}

		};
	}

	@Bean
	NoticeChannel wechatChannel(ObjectProvider<WechatTemplateMessages> wechat) {
		return new NoticeChannel() {

			@Override
			public String code() {
				return "wechat";
			}

			@Override
			public boolean available() {
				return wechat.getIfAvailable() != null;
			}

			@Override
			public void send(String address, String subject, String text) throws Exception {
				wechat.getObject().send(address, subject, text);
			}

		};
	}

	/** A string as it stands inside a JSON string (the quotes of the template stay the template's). */
	private static String quoted(JsonMapper json, String text) {
		String literal = json.writeValueAsString(text);
		return literal.substring(1, literal.length() - 1);
	}

	static List<String> codes() {
		return List.of("email", "sms", "wechat");
	}

}
