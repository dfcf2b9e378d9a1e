<?xml version="1.0" encoding="UTF-8"?>
<!--
  One canonical Response to a CEB900 format-validation receipt (报文格式校验回执); see ceb-receipt.xsl,
  which this stylesheet imports to change two of its limits: a CEB900 answers one message with one
  MessageReturn, whose returnInfo holds 5000 characters. A relayed receipt keeps its text verbatim,
  even empty; the adapter's own answer starts with the exchange's error code, as in every receipt.
  oriCopMsgId is the id of the message answered (cut to 255 characters), oriMessageType its type as
  the response names it (MESSAGE_TYPE, else from its format: ceb311 is CEB311Message, else
  Unknown), oriBizMessage the message itself when the response carries it. The message is written
  as escaped text, not as a CDATA section: the same characters for any XML reader.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:import href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB900Message'"/>
  <xsl:variable name="r:max-info" select="5000"/>
  <xsl:variable name="r:max-returns" select="1"/>

  <xsl:template match="/">
    <xsl:if test="count(c:Response | c:Batch/c:Response) gt 1">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB900Message answers one message with one Response', *)"/>
    </xsl:if>
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="relayed" select="exists(c:StatusCode[@scheme = 'CEB-RETURN-STATUS']) and empty(c:Error)"/>
    <xsl:variable name="type" select="c:RefersTo/c:Reference[@type = 'MESSAGE_TYPE'][string-length() le 15][1]"/>
    <xsl:variable name="format" select="string(c:RefersTo/c:Format)"/>
    <ceb:MessageReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnInfo><xsl:value-of select="if ($relayed) then string(c:Message) else $info"/></ceb:returnInfo>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:oriCopMsgId><xsl:value-of select="substring(c:RefersTo/c:MessageId, 1, 255)"/></ceb:oriCopMsgId>
      <ceb:oriMessageType><xsl:value-of select="if ($type) then $type
          else if (matches($format, '^ceb[0-9]{3}$')) then upper-case($format) || 'Message' else 'Unknown'"/></ceb:oriMessageType>
      <ceb:oriBizMessage><xsl:value-of select="c:OriginalMessage"/></ceb:oriBizMessage>
    </ceb:MessageReturn>
  </xsl:template>
</xsl:stylesheet>
