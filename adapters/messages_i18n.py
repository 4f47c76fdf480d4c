"""Fixed channel texts in Chinese and English together (the reader's language is not known before identity)."""

UNKNOWN_PERSON = ("抱歉，我还不认识您：请联系 HR 把您的账号关联到员工档案。\n"
                  "Sorry, I don't know you yet: please ask HR to link your account to your employee record.")
SENT_IN_DM = "我已通过私信发送给您（含个人信息）。 I sent you the details in a direct message (personal data)."
THANKS_FEEDBACK = "谢谢您的反馈！ Thanks for the feedback!"
THINKING = "正在思考… Thinking…"
EMPTY_QUESTION = "请输入问题，例如：/mentor 年假怎么请？ Type a question, e.g. /mentor how do I request leave?"
FAILED = "抱歉，处理您的消息时出错了，请稍后再试。 Sorry, something went wrong with your message; please try again later."
