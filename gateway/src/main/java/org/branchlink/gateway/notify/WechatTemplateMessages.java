package org.branchlink.gateway.notify;

/**
 * The county's WeChat adapter: sends a template message through its 公众号 to the reader bound to a mobile number
 * (binding readers to their OpenID is the 公众号's own business). BranchLink ships none; a county that has one
 * provides it as a bean, and readers may then choose WeChat.
 */
public interface WechatTemplateMessages {

	/**
	 * Sends one template message; an exception is a failed try.
	 *
	 * @param phone the reader's mobile number
	 * @param title the notice's title
	 * @param text the notice
	 */
	void send(String phone, String title, String text) throws Exception;

}
